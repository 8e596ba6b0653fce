import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

// The renderer's floors (docs/architecture.md) are Biome rules per folder in biome.json. This
// lints a one-line probe placed in a floor, so a loosened or deleted rule fails here. Biome prints
// no diagnostics for stdin, so the probe is a real file for the moment of the check.
const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');

async function lintIn(folder: string, source: string): Promise<string> {
  const probe = join(repo, 'renderer', folder, `floor-check-${process.pid}.ts`);
  writeFileSync(probe, `${source}\nexport type Probe = typeof probe;\n`);
  try {
    await run(join(repo, 'node_modules/.bin/biome'), ['lint', probe], { cwd: repo });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('an import that points back up fails the lint', () => {
  test.each([
    ['strings', "import * as probe from '../calling/model';", /renderer\/strings is a bottom floor/],
    ['strings', "import * as probe from '../desktop/CallLinkDialog';", /renderer\/strings is a bottom floor/],
    ['bridge', "import * as probe from '../session/session-context';", /renderer\/bridge is a bottom floor/],
    ['lib', "import * as probe from '../strings';", /renderer\/lib is the bottom floor/],
    [
      'session',
      "import * as probe from '../calling/model';",
      /renderer\/session may import lib, strings and bridge only/,
    ],
    ['calling', "import * as probe from '../session/session-context';", /renderer\/calling may import/],
    ['calling', "import * as probe from '../screens/shared/Panel';", /renderer\/calling may import/],
    ['history', "import * as probe from '../desktop/DesktopIntegration';", /renderer\/history may import/],
    ['desktop', "import * as probe from '../screens/shared/Panel';", /renderer\/desktop may not import screens or app/],
    ['screens/shared', "import * as probe from '../../app/services';", /renderer\/screens may not import app/],
  ])('%s: %s', async (folder, source, message) => {
    const output = await lintIn(folder, source);
    expect(output).toMatch(/noRestrictedImports/);
    expect(output).toMatch(message);
  });

  test('the floors keep the process boundary: electron is still refused in a floor', async () => {
    expect(await lintIn('calling', "import * as probe from 'electron';")).toMatch(/The renderer has no Electron/);
  });
});

describe('an import that points down passes', () => {
  test.each([
    ['calling', "import * as probe from '../strings';"],
    ['history', "import * as probe from '../calling/model';"],
    ['screens/shared', "import * as probe from '../../desktop/DesktopIntegration';"],
    ['app', "import * as probe from '../screens/shared/Panel';"],
    ['strings', "import * as probe from '../../common/ipc/history';"],
  ])('%s: %s', async (folder, source) => {
    expect(await lintIn(folder, source)).toBe('');
  });
});
