// `common/` compiles with the ES library only (no DOM, no Node), so that nothing here can lean
// on one process's environment. The few WHATWG globals it uses exist in both Node and Chromium.
export {};

declare global {
  interface URL {
    readonly hash: string;
    readonly host: string;
    readonly hostname: string;
    readonly href: string;
    readonly origin: string;
    readonly password: string;
    readonly pathname: string;
    readonly port: string;
    readonly protocol: string;
    readonly search: string;
    readonly username: string;
    toString(): string;
  }
  var URL: { new (input: string, base?: string | URL): URL };
}
