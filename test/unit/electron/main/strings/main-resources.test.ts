/**
 * Main's English and Dutch resources say the same things (keys, variables, plural forms), and the
 * check that says so bites: each broken copy below is caught, naming the key.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { type ResourceTree, resourceProblems } from '../../../../../common/i18n/resource-check';
import {
  listOf,
  MAIN_RESOURCES,
  mainLanguage,
  onMainLanguageChange,
  say,
  setMainLanguage,
} from '../../../../../electron/main/strings/main-i18n';

const { en, nl } = MAIN_RESOURCES;
const compare = (candidate: ResourceTree) =>
  resourceProblems({ language: 'en', resources: en }, { language: 'nl', resources: candidate });

/** A deep copy of the Dutch resources with one change made by `edit`. */
function brokenDutch(edit: (copy: Record<string, Record<string, unknown>>) => void): ResourceTree {
  const copy = structuredClone(nl) as unknown as Record<string, Record<string, unknown>>;
  edit(copy);
  return copy as unknown as ResourceTree;
}

afterEach(() => setMainLanguage('en'));

describe('the shipped resources', () => {
  test('Dutch has every English key, with the same variables and every plural form', () => {
    expect(compare(nl)).toEqual([]);
  });

  test('and English against Dutch (a key only Dutch has is caught too)', () => {
    expect(resourceProblems({ language: 'nl', resources: nl }, { language: 'en', resources: en })).toEqual([]);
  });
});

describe('the check bites', () => {
  test('a missing key', () => {
    const missing = brokenDutch((copy) => {
      delete (copy.tray?.status as Record<string, unknown>).ready;
    });
    expect(compare(missing)).toEqual(['nl: "tray.status.ready" is missing (en has it)']);
  });

  test('a missing or renamed variable', () => {
    const renamed = brokenDutch((copy) => {
      (copy.incomingCall as Record<string, string>).namedCaller = '{{naam}} belt je';
    });
    expect(compare(renamed)).toEqual(['nl: "incomingCall.namedCaller" uses {{naam}} where en uses {{name}}']);
    const dropped = brokenDutch((copy) => {
      (copy.incomingCall as Record<string, string>).namedCaller = 'Er belt iemand';
    });
    expect(compare(dropped)).toEqual(['nl: "incomingCall.namedCaller" uses no variables where en uses {{name}}']);
  });

  test('an incomplete plural', () => {
    const incomplete = brokenDutch((copy) => {
      delete (copy.backend as Record<string, unknown>).seconds_one;
    });
    expect(compare(incomplete)).toEqual(['nl: "backend.seconds" lacks its plural form "backend.seconds_one"']);
  });

  test('a stale key and an empty translation', () => {
    const stale = brokenDutch((copy) => {
      (copy.tray as Record<string, unknown>).oud = 'Weg';
      (copy.tray as Record<string, unknown>).signOut = ' ';
    });
    expect(compare(stale)).toEqual(['nl: "tray.signOut" is empty', 'nl: "tray.oud" is not in en (a stale key?)']);
  });
});

describe('say', () => {
  test('English by default, Dutch after a change, with variables and plurals', () => {
    expect(mainLanguage()).toBe('en');
    expect(say('backend.seconds', { count: 1 })).toBe('1 second');
    expect(say('tray.quit')).toBe('Quit Switchboard');
    const heard: string[] = [];
    onMainLanguageChange((language) => heard.push(language));
    setMainLanguage('nl');
    setMainLanguage('nl');
    expect(heard).toEqual(['nl']);
    expect(say('backend.seconds', { count: 3 })).toBe('3 seconden');
    expect(say('tray.quit')).toBe('Switchboard afsluiten');
    expect(say('incomingCall.namedCaller', { name: 'Ada' })).toBe('Ada belt je');
    expect(listOf(['tel:', 'callto:'])).toBe('tel: en callto:');
  });
});
