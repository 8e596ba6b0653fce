import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BACKEND_NODE_OPTIONS } from '../../../backend/node-options';

const guide = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'backend.md'), 'utf8');

describe('the deployed Node options', () => {
  test("the container's CMD passes exactly backend/node-options.ts", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(guide)?.[1];
    expect(cmd, 'docs/backend.md has a Dockerfile CMD line').toBeDefined();
    expect(JSON.parse(cmd as string)).toEqual(['node', ...BACKEND_NODE_OPTIONS, 'main.mjs']);
  });

  test("App Service's NODE_OPTIONS setting carries the same options", () => {
    const setting = /NODE_OPTIONS='([^']*)'/.exec(guide)?.[1];
    expect(setting?.split(' ')).toEqual([...BACKEND_NODE_OPTIONS]);
  });

  test('`npm run backend` runs with the same options', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const script = String(manifest.scripts.backend).split(' ');
    expect(script.slice(0, 1 + BACKEND_NODE_OPTIONS.length)).toEqual(['node', ...BACKEND_NODE_OPTIONS]);
  });

  test('they are options Node accepts in NODE_OPTIONS', () => {
    for (const option of BACKEND_NODE_OPTIONS) {
      expect(process.allowedNodeEnvironmentFlags.has(option.split('=')[0] as string)).toBe(true);
    }
  });
});
