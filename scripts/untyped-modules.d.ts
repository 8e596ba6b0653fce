// Types for what the scripts use that ships none (scripts/tsconfig.json checks them with checkJs).

declare module '@doyensec/electronegativity' {
  interface Level {
    name: string;
    value: number;
  }
  interface Issue {
    id: string;
    severity: Level;
    confidence: Level;
    file: string;
    location: { line: number };
    description: string;
  }
  /** What dist/runner.js resolves to, as scripts/electronegativity.mjs reads it. */
  interface Result {
    issues: Issue[];
    errors: Array<{ file: string; message: string; tolerable: boolean }>;
    atomicChecks: number;
    globalChecks: number;
  }
  const run: (options: Record<string, unknown>) => Promise<Result>;
  export = run;
}
