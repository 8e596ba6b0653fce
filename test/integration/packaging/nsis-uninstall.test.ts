/**
 * The Windows uninstaller removes the per-user link handlers the app registered at run time
 * (build/installer.nsh, wired by electron-builder.yml `nsis.include`). Checked three ways: the
 * include is wired; it names exactly the schemes the app registers and undoes exactly what
 * Electron's `setAsDefaultProtocolClient` writes, only where the command is our executable; and,
 * where `makensis` is installed (Debian: `apt-get install nsis`), NSIS itself compiles the include
 * into an uninstaller and its log shows, per scheme, the registry operations in order. Running the
 * uninstaller needs Windows (docs/desktop.md, "What could not be verified here").
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { CALL_LINK_SCHEME, OPTIONAL_CALL_LINK_SCHEMES } from '../../../electron/main/desktop/call-link';

const root = resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'));
const includePath = resolve(root, 'build/installer.nsh');
const include = readFileSync(includePath, 'utf8');

/** Every scheme the app may register: always switchboard:, tel: and callto: after opting in. */
const appSchemes = [CALL_LINK_SCHEME, ...OPTIONAL_CALL_LINK_SCHEMES];

/** The body of one `!macro NAME … !macroend`, comments removed. */
function macroBody(name: string): string {
  const match = new RegExp(`^!macro ${name}\\b[^\\n]*\\n([\\s\\S]*?)^!macroend`, 'm').exec(include);
  if (!match?.[1]) throw new Error(`build/installer.nsh has no macro ${name}`);
  return match[1]
    .split('\n')
    .filter((line) => !line.trim().startsWith(';'))
    .join('\n');
}

test('electron-builder.yml includes build/installer.nsh in the NSIS build', () => {
  expect(config.nsis.include).toBe('build/installer.nsh');
  expect(existsSync(resolve(root, config.nsis.include))).toBe(true);
  // electron-builder inserts customUnInstall into the uninstaller's section.
  expect(include).toMatch(/^!macro customUnInstall\s*$/m);
});

test('the uninstaller forgets exactly the schemes the app registers, and not during an update', () => {
  const body = macroBody('customUnInstall');
  const forgotten = [...body.matchAll(/!insertmacro switchboardForgetLinkScheme "([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(forgotten)).toEqual(new Set(appSchemes));
  expect(forgotten).toHaveLength(appSchemes.length);
  // The installer declares switchboard: too; it must be among them.
  for (const protocol of config.protocols) for (const scheme of protocol.schemes) expect(forgotten).toContain(scheme);
  // An update runs the old uninstaller with --updated: the registration must survive it.
  expect(body).toMatch(/\$\{ifNot\} \$\{isUpdated\}[\s\S]*switchboardForgetLinkScheme[\s\S]*\$\{endIf\}/);
});

test('per scheme: removes what setAsDefaultProtocolClient wrote, only when the command starts our executable', () => {
  const body = macroBody('switchboardForgetLinkScheme');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: NSIS's own ${…} syntax, compared as text.
  const key = 'HKCU "Software\\Classes\\${SCHEME}';
  // Electron writes the command as "<exe>" "%1" (browser_win.cc: L"\"%ls\" \"%%1\"").
  expect(body).toContain(`ReadRegStr $R8 ${key}\\shell\\open\\command" ""`);
  expect(body).toContain(`\${If} $R8 == '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`);
  const guarded = /\$\{If\}[^\n]*\n([\s\S]*?)\$\{EndIf\}/.exec(body)?.[1] ?? '';
  const operations = guarded
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^Delete/.test(line));
  expect(operations).toEqual([
    `DeleteRegKey ${key}\\shell"`,
    `DeleteRegValue ${key}" "URL Protocol"`,
    `DeleteRegValue ${key}" ""`,
    // Keys someone else added under the scheme stay: only an empty key goes.
    `DeleteRegKey /ifempty ${key}"`,
  ]);
  // Nothing is deleted outside the comparison, and nothing outside HKCU\Software\Classes\<scheme>.
  expect(body.replace(guarded, '')).not.toMatch(/Delete/);
  expect(body).not.toMatch(/HKLM|HKCR|SHELL_CONTEXT/);
  // $R8 is restored for electron-builder's own uninstaller code.
  expect(body.trim().startsWith('Push $R8')).toBe(true);
  expect(body.trim().endsWith('Pop $R8')).toBe(true);
});

const makensis = (() => {
  try {
    execFileSync('makensis', ['-VERSION'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('compiled by NSIS', () => {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-nsis-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test.skipIf(!makensis)(
    `makensis builds an uninstaller from the include and its registry operations are, per scheme, the ones above${makensis ? '' : ' (skipped: makensis is not installed; Debian: apt-get install nsis)'}`,
    async () => {
      // The few definitions electron-builder's templates provide (common.nsh, the --updated flag).
      const stub = [
        'Unicode true',
        '!include LogicLib.nsh',
        `!define APP_EXECUTABLE_FILENAME "${config.productName}.exe"`,
        '!macro _isUpdated _a _b _t _f',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: NSIS macro parameters, not JavaScript.
        '  StrCmp "$R9" "true" `${_t}` `${_f}`',
        '!macroend',
        '!define isUpdated `"" isUpdated ""`',
        `!include "${includePath}"`,
        'Name "Switchboard uninstaller check"',
        `OutFile "${join(folder, 'installer.exe')}"`,
        'RequestExecutionLevel user',
        'Section "un.Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        'Section',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        '',
      ].join('\n');
      const script = join(folder, 'check.nsi');
      writeFileSync(script, stub);
      const { stdout } = await promisify(execFile)('makensis', ['-V4', '-WX', script], { maxBuffer: 16 * 1024 * 1024 });
      expect(existsSync(join(folder, 'installer.exe'))).toBe(true);
      const registry = stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(ReadRegStr|DeleteReg|WriteReg)/.test(line));
      const expected = appSchemes.flatMap((scheme) => {
        const key = `HKCU\\Software\\Classes\\${scheme}`;
        return [
          `ReadRegStr $R8 ${key}\\shell\\open\\command\\`,
          `DeleteRegKey: ${key}\\shell`,
          `DeleteRegValue: ${key}\\URL Protocol`,
          `DeleteRegValue: ${key}\\`,
          `DeleteRegKey: ${key}`,
        ];
      });
      expect(registry).toEqual(expected);
    },
  );
});
