/**
 * The renderer's words for a malformed backend address (common/backend-url.ts gives a code): the
 * sentence of the UI language, its values in it, for every code.
 */
import { afterAll, expect, test } from 'vitest';
import type { BackendUrlProblem } from '../../../../common/backend-url';
import { switchLanguage } from '../../../../renderer/strings/i18n';
import { backendUrlProblemText } from '../../../../renderer/strings/index';
import { loadLanguage } from '../../../../renderer/strings/load-language';
import { BACKEND_URL_PROBLEMS } from '../../../support/backend-url';

const samples = Object.values(BACKEND_URL_PROBLEMS) as ReadonlyArray<{ problem: BackendUrlProblem; english: string }>;

afterAll(async () => {
  await switchLanguage('en', await loadLanguage('en'));
});

test('every problem code in English: the sentence the field has always shown', () => {
  for (const { problem, english } of samples) expect(backendUrlProblemText(problem), problem.code).toBe(english);
});

test('every problem code in Dutch, with its values and no placeholder left', async () => {
  await switchLanguage('nl', await loadLanguage('nl'));
  expect(backendUrlProblemText(BACKEND_URL_PROBLEMS['not-a-url'].problem)).toBe(
    '"calls.example.com" is geen webadres. Voer een volledig adres in dat met https:// begint, bijvoorbeeld https://calls.example.com.',
  );
  for (const { problem, english } of samples) {
    const dutch = backendUrlProblemText(problem);
    expect(dutch, problem.code).not.toBe(english);
    expect(dutch, problem.code).not.toMatch(/\{\{|backendUrlProblem\./);
    for (const value of Object.values(problem).filter((v) => v !== problem.code)) expect(dutch).toContain(value);
  }
});
