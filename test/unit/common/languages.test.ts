import { expect, test } from 'vitest';
import { languageFromPreferences } from '../../../common/i18n/languages';

test('the first preferred language we ship wins, matched on its primary subtag', () => {
  expect(languageFromPreferences(['nl-BE', 'en-US'])).toBe('nl');
  expect(languageFromPreferences(['de-DE', 'en-GB', 'nl'])).toBe('en');
  expect(languageFromPreferences(['NL_nl'])).toBe('nl');
});

test('English when the OS prefers nothing we ship', () => {
  expect(languageFromPreferences(['fr-FR', 'de'])).toBe('en');
  expect(languageFromPreferences([])).toBe('en');
});
