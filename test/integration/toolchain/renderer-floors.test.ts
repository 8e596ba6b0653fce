import { describe, expect, test } from 'vitest';
import { lintProbe } from '../../support/lint-probe';

// The renderer's floors (docs/architecture.md) are Biome rules per folder in biome.json. This
// lints a one-line probe placed in a floor, so a loosened or deleted rule fails here.
function lintIn(folder: string, source: string): Promise<string> {
  return lintProbe(`renderer/${folder}`, 'floor-check', `${source}\nexport type Probe = typeof probe;\n`);
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
    ['directory', "import * as probe from '../session/session-context';", /renderer\/directory may import/],
    ['directory', "import * as probe from '../calling/model';", /renderer\/directory may import/],
    ['calling', "import * as probe from '../directory/directory-client';", /renderer\/calling may import/],
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
    ['history', "import * as probe from '../directory/directory-client';"],
    ['directory', "import * as probe from '../bridge';"],
    ['screens/shared', "import * as probe from '../../desktop/DesktopIntegration';"],
    ['app', "import * as probe from '../screens/shared/Panel';"],
    ['strings', "import * as probe from '../../common/ipc/history';"],
  ])('%s: %s', async (folder, source) => {
    expect(await lintIn(folder, source)).toBe('');
  });
});
