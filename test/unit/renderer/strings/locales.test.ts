/**
 * The renderer speaks every language completely (docs/i18n.md): the resources agree with English
 * key for key, variable for variable and in the plural forms each language needs, and every word
 * the facade hands out comes from i18next in every language. The second half shows each check
 * fails on the fault it is there for.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../../common/i18n/language-codes';
import { i18n, type LanguageResources, switchLanguage } from '../../../../renderer/strings/i18n';
import * as facade from '../../../../renderer/strings/index';
import { loadLanguage } from '../../../../renderer/strings/load-language';
import {
  compareLanguages,
  facadeWords,
  INTENTIONALLY_EMPTY,
  literalWords,
  looksLikeRawKey,
  pseudoLanguage,
} from '../../../support/locale-checks';

const facadeModule = facade as unknown as Record<string, unknown>;

/** Runs `read` with i18next reporting every key it could not find. */
async function withMissingKeys<T>(read: () => T): Promise<{ result: T; missing: string[] }> {
  const missing: string[] = [];
  const saved = { saveMissing: i18n.options.saveMissing, handler: i18n.options.missingKeyHandler };
  i18n.options.saveMissing = true;
  i18n.options.missingKeyHandler = (_lngs, ns, key) => missing.push(`${ns}:${key}`);
  try {
    return { result: read(), missing };
  } finally {
    i18n.options.saveMissing = saved.saveMissing;
    i18n.options.missingKeyHandler = saved.handler;
  }
}

function isIntentionallyEmpty(path: string): boolean {
  // facade path "inCallStrings.participantState.connected" ↔ resource "calls:inCall.participantState.connected"
  return [...INTENTIONALLY_EMPTY].some((key) => path.endsWith(key.split(':')[1]?.split('.').slice(1).join('.') ?? '?'));
}

afterAll(async () => {
  await switchLanguage('en', await loadLanguage('en'));
});

describe('the shipped languages', () => {
  it('every language has the keys, variables and plural forms English has', async () => {
    const english = await loadLanguage('en');
    for (const language of SUPPORTED_LANGUAGES) {
      const other = await loadLanguage(language);
      expect(compareLanguages(english, 'en', other, language), language).toEqual([]);
    }
  });

  for (const language of SUPPORTED_LANGUAGES) {
    it(`every facade word in ${language} comes from the resources: no raw key, no empty string`, async () => {
      await switchLanguage(language, await loadLanguage(language));
      const { result: words, missing } = await withMissingKeys(() => facadeWords(facadeModule));
      // i18next reports an empty sentence as missing too; the ones empty on purpose are not.
      expect(missing.filter((key) => !INTENTIONALLY_EMPTY.has(key))).toEqual([]);
      expect(words.size).toBeGreaterThan(400);
      const raw = [...words].filter(([, word]) => looksLikeRawKey(word));
      expect(raw).toEqual([]);
      const empty = [...words].filter(([path, word]) => word.trim() === '' && !isIntentionallyEmpty(path));
      expect(empty).toEqual([]);
    });
  }

  it('Dutch is really Dutch: the call controls read as a Dutch calling app', async () => {
    await switchLanguage('nl', await loadLanguage('nl'));
    expect(facade.inCallStrings.hangUp).toBe('Ophangen');
    expect(facade.inCallStrings.mute).toBe('Dempen');
    expect(facade.settingsStrings.title).toBe('Instellingen');
    expect(facade.incomingStrings.alsoCalling(['Lee Gu', 'Adele Vance', 'Megan Bowen'])).toBe(
      'Lee Gu en 2 anderen bellen ook.',
    );
    expect(facade.callTitleStrings.people(['Adele Vance', 'Lee Gu', 'Megan Bowen'], 0)).toBe(
      'Adele Vance, Lee Gu en Megan Bowen',
    );
    expect(facade.callActionStrings.lobbyAdmitFailed(1)).toBe(
      'Eén persoon kon niet worden binnengelaten. Probeer het opnieuw.',
    );
    expect(facade.networkStrings.percent(1.5)).toBe('1,5 %');
    await switchLanguage('en', await loadLanguage('en'));
    expect(facade.networkStrings.percent(1.5)).toBe('1.5 %');
    expect(facade.callTitleStrings.people(['Adele Vance', 'Lee Gu'], 1)).toBe('Adele Vance, Lee Gu and 1 other');
  });

  it('group calls, transfer and reactions choose their Dutch sentence by count, kind and group', async () => {
    await switchLanguage('nl', await loadLanguage('nl'));
    expect(facade.groupCallStrings.removed('Lee Gu', 0)).toBe('Lee Gu verwijderd. Nog niemand te bellen.');
    expect(facade.groupCallStrings.removed('Lee Gu', 1)).toBe('Lee Gu verwijderd. 1 persoon te bellen.');
    expect(facade.groupCallStrings.readyToCall(3)).toBe('Bellen of Videogesprek belt alle 3 personen.');
    expect(facade.transferStrings.failures.other(500, 2)).toBe('De service heeft het geweigerd (code 500, subcode 2).');
    expect(facade.transferStrings.failures.busy).toBe('Diegene is in gesprek.');
    expect(facade.reactionStrings.announce('Lee Gu', 'heart')).toBe('Lee Gu reageerde met een hartje');
    await switchLanguage('en', await loadLanguage('en'));
    expect(facade.groupCallStrings.added('Lee Gu', 1)).toBe('Added Lee Gu. 1 person to call.');
    expect(facade.reactionStrings.badge('applause')).toBe('Reacted with applause');
  });

  it('every facade module reads its words through i18next (none holds English literals)', async () => {
    const english = await loadLanguage('en');
    await switchLanguage('en-XA' as never, pseudoLanguage(english) as LanguageResources);
    try {
      expect(literalWords(facadeWords(facadeModule))).toEqual([]);
    } finally {
      await switchLanguage('en', english);
    }
  });
});

describe('the checks fail on the faults they are for', () => {
  const english = { calls: { dialer: { title: 'Make a call', callFailed: 'Failed: {{detail}}' } } };
  const dutch = { calls: { dialer: { title: 'Bellen', callFailed: 'Mislukt: {{detail}}' } } };

  it('a key missing in either language', () => {
    expect(compareLanguages(english, 'en', dutch, 'nl')).toEqual([]);
    expect(compareLanguages(english, 'en', { calls: { dialer: { title: 'Bellen' } } }, 'nl')).toEqual([
      'nl: "calls:dialer.callFailed" is missing (en has it)',
    ]);
    expect(
      compareLanguages(english, 'en', { calls: { dialer: { ...dutch.calls.dialer, extra: 'Extra' } } }, 'nl'),
    ).toEqual(['nl: "calls:dialer.extra" is not in en (a stale key?)']);
  });

  it('a variable renamed or dropped in a translation', () => {
    const renamed = { calls: { dialer: { title: 'Bellen', callFailed: 'Mislukt: {{details}}' } } };
    expect(compareLanguages(english, 'en', renamed, 'nl')).toEqual([
      'nl: "calls:dialer.callFailed" uses {{details}} where en uses {{detail}}',
    ]);
  });

  it('a plural form the language needs, or an empty sentence', () => {
    const plural = { calls: { links: { more_one: '{{count}} link', more_other: '{{count}} links' } } };
    const onlyOther = { calls: { links: { more_other: '{{count}} links' } } };
    expect(compareLanguages(plural, 'en', onlyOther, 'nl')).toEqual([
      'nl: "calls:links.more" lacks its plural form "calls:links.more_one"',
    ]);
    const empty = { calls: { dialer: { title: ' ', callFailed: 'Mislukt: {{detail}}' } } };
    expect(compareLanguages(english, 'en', empty, 'nl')).toEqual(['nl: "calls:dialer.title" is empty']);
  });

  it('a facade module that still holds plain English', async () => {
    const english = await loadLanguage('en');
    await switchLanguage('en-XA' as never, pseudoLanguage(english) as LanguageResources);
    try {
      const unconverted = {
        ...facadeModule,
        transferStrings: { title: 'Transfer the call', to: (name: string) => `Transfer to ${name}` },
      };
      expect(literalWords(facadeWords(unconverted))).toEqual([
        'transferStrings.title: "Transfer the call"',
        'transferStrings.to(): "Transfer to Sample"',
      ]);
    } finally {
      await switchLanguage('en', english);
    }
  });

  it('a key the resources lack shows up raw and is caught', async () => {
    const { result, missing } = await withMissingKeys(() => i18n.t('dialer.notThere', { ns: 'calls' }));
    expect(missing).toEqual(['calls:dialer.notThere']);
    expect(looksLikeRawKey(result)).toBe(true);
    expect(looksLikeRawKey('Make a call')).toBe(false);
  });
});
