// Runs in the renderer's isolated world; exposes window.switchboard through contextBridge only.
export {};
