/**
 * Main's words for a malformed backend address (common/backend-url.ts gives a code): the refusal
 * the renderer shows is in the language in force, the log line in English; and main and the
 * renderer say the same sentence for each code in each language (each process keeps its own copy
 * of the words, docs/i18n.md).
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { BackendUrlProblem } from '../../../../../common/backend-url';
import { SUPPORTED_LANGUAGES } from '../../../../../common/i18n/language-codes';
import { MAIN_RESOURCES, setMainLanguage } from '../../../../../electron/main/strings/main-i18n';
import { backendUrlWords } from '../../../../../electron/main/strings/session';
import rendererEnglish from '../../../../../renderer/strings/locales/en/session.json';
import rendererDutch from '../../../../../renderer/strings/locales/nl/session.json';
import { BACKEND_URL_PROBLEMS } from '../../../../support/backend-url';

const samples = Object.values(BACKEND_URL_PROBLEMS) as ReadonlyArray<{ problem: BackendUrlProblem; english: string }>;

afterEach(() => setMainLanguage('en'));

describe('a backend address problem in main', () => {
  test.each(samples.map((s) => [s.problem.code, s] as const))('%s: the English sentence, values in it', (_, sample) => {
    expect(backendUrlWords.problem(sample.problem)).toBe(sample.english);
    expect(backendUrlWords.forLog(sample.problem)).toBe(sample.english);
  });

  test('in Dutch, the refusal is Dutch and the log line stays English', () => {
    setMainLanguage('nl');
    const problem = BACKEND_URL_PROBLEMS['http-not-loopback'].problem;
    expect(backendUrlWords.problem(problem)).toBe(
      'Gewoon http:// mag alleen voor een backend op deze computer (localhost). Gebruik in plaats daarvan https://calls.example.com/switchboard.',
    );
    expect(backendUrlWords.forLog(problem)).toBe(BACKEND_URL_PROBLEMS['http-not-loopback'].english);
    for (const { problem, english } of samples) {
      const dutch = backendUrlWords.problem(problem);
      expect(dutch, problem.code).not.toBe(english);
      expect(dutch, problem.code).not.toMatch(/\{\{|settings\./);
      for (const value of Object.values(problem).filter((v) => v !== problem.code)) expect(dutch).toContain(value);
    }
  });

  test('main and the renderer say the same sentence for each code, in every language', () => {
    const renderer = { en: rendererEnglish, nl: rendererDutch };
    expect(Object.keys(renderer).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const language of SUPPORTED_LANGUAGES) {
      expect(MAIN_RESOURCES[language].settings.backendUrlProblem, language).toEqual(
        renderer[language].backendUrlProblem,
      );
    }
  });
});
