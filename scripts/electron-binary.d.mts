export function findElectronBinary(packageDir?: string): string | null;
export const ELECTRON_BINARY_MISSING: string;
