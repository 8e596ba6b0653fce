// import.meta.glob (renderer/strings/locales/*/index.ts): Vite's client types, build and tests alike.
/// <reference types="vite/client" />
