// The renderer runs sandboxed with no Node and no Electron: it reaches the main process only
// through `window.switchboard` (common/ipc-contract.ts). tsconfig maps `electron` here so that
// an import of it fails to type-check instead of resolving to Electron's real declarations.
declare const rendererMustNotImportElectron: unique symbol;
export type RendererMustNotImportElectron = typeof rendererMustNotImportElectron;
