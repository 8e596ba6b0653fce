import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One runner, four projects: each folder of test/ is one kind of test with its own environment.
// `npm test` runs them all; `npx vitest run --project <name>` runs one.
export default defineConfig({
  test: {
    globals: true,

    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/i18n-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          // The security suite's renderer replays (test/integration/security/*.tsx) need the DOM too.
          include: ['test/dom/**/*.test.{ts,tsx}', 'test/integration/security/**/*.test.tsx'],
          environment: 'jsdom',
          // Whole screens render in jsdom with Fluent UI: on 2 busy cores a user-event journey can
          // take longer than vitest's default 5 s without anything being wrong.
          testTimeout: 20_000,
          setupFiles: ['test/support/i18n-setup.ts', 'test/support/dom-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // Some integration tests drive the renderer's calling layer, which speaks through i18next.
          setupFiles: ['test/support/i18n-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Chromium instances are heavy on 2 cores: one e2e file at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // Real calls through a real ACS resource: a project of its own so that CI runs it alone
        // with the secret (`npx vitest run --project live`), with timeouts for the internet. Without
        // ACS_CONNECTION_STRING every test skips, saying why (docs/live-tests.md).
        test: {
          name: 'live',
          include: ['test/live/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
