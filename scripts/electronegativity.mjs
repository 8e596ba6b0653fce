// Electronegativity (Doyensec's Electron security scanner) over the main-process and preload
// sources. Fails on any finding above INFORMATIONAL that docs/security.md does not list with a
// reason, and on any file the scanner could not parse (an unscanned file is not a clean one).
//
//   node scripts/electronegativity.mjs [--json] [--input <folder>]   (default: electron/)
//
// Why a wrapper and not the CLI: the scanner's TypeScript parser (@typescript-eslint/typescript-estree 4,
// hoisted to the top of node_modules) loads whatever `typescript` it finds first, and this project's
// TypeScript 7 has no JS API, so the CLI dies on start-up. The scanner ships its own TypeScript 4.2;
// the hook below points the parser at it. It also works offline: its translation download times out
// after a second and falls back to the bundled English strings.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const scannerTypescript = join(scannerDir, 'node_modules', 'typescript', 'lib', 'typescript.js');

/** Node's internal resolver, which no public API lets us wrap for one package. */
const internals =
  /** @type {{ _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string }} */ (
    /** @type {unknown} */ (Module)
  );
const originalResolve = internals._resolveFilename;
internals._resolveFilename = function resolveScannerTypescript(request, parent, ...rest) {
  if (request === 'typescript' && parent?.filename?.includes(`${join('node_modules', '@typescript-eslint')}`)) {
    return scannerTypescript;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

const run = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const inputFlag = process.argv.indexOf('--input');
const input = inputFlag > 0 ? resolve(process.argv[inputFlag + 1] ?? '.') : join(root, 'electron');
const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  excludeFromScan: [],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

/** docs/security.md's table of accepted findings: `| CHECK_ID | file | reason |`. */
function acceptedFindings() {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const section = doc.split(/^## Accepted electronegativity findings$/m)[1]?.split(/^## /m)[0] ?? '';
  const accepted = [];
  for (const line of section.split('\n')) {
    const [, id = '', file = '', reason = ''] = line.split('|').map((cell) => cell.trim().replaceAll('`', ''));
    if (!/^[A-Z_]+$/.test(id)) continue;
    if (reason.length < 20) continue; // a reason, not a shrug
    accepted.push({ id, file });
  }
  return accepted;
}

const accepted = acceptedFindings();
const findings = result.issues
  .filter((issue) => issue.severity.value > 1) // 1 = INFORMATIONAL
  .map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: relative(root, resolve(input, issue.file)),
    line: issue.location.line,
    description: issue.description,
  }));
const undocumented = findings.filter((f) => !accepted.some((a) => a.id === f.id && a.file === f.file));
const unparsed = result.errors.filter((error) => !error.tolerable);
const informational = result.issues.length - findings.length;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ findings, undocumented, unparsed, informational }, null, 2));
} else {
  for (const f of findings) {
    const mark = undocumented.includes(f) ? 'UNDOCUMENTED' : 'accepted';
    console.log(`electronegativity: ${mark} ${f.id} (${f.severity}/${f.confidence}) ${f.file}:${f.line}`);
  }
  for (const a of accepted.filter((a) => !findings.some((f) => f.id === a.id && f.file === a.file))) {
    console.log(
      `electronegativity: docs/security.md accepts ${a.id} in ${a.file}, which no longer occurs: remove the row`,
    );
  }
  for (const e of unparsed) console.log(`electronegativity: could not parse ${e.file}: ${e.message}`);
  console.log(
    `electronegativity: ${result.atomicChecks + result.globalChecks} checks, ${findings.length} findings above informational (${findings.length - undocumented.length} documented in docs/security.md), ${informational} informational`,
  );
}
process.exit(undocumented.length > 0 || unparsed.length > 0 ? 1 : 0);
