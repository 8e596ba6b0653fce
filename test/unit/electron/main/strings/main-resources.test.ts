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

type Branch = Record<string, unknown>;

/** A deep copy of the Dutch resources, with `edit` applied to the branch at `path`. */
function brokenDutch(path: string, edit: (branch: Branch) => void): ResourceTree {
  const copy = structuredClone(nl) as unknown as Branch;
  edit(path.split('.').reduce((branch, name) => branch[name] as Branch, copy));
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
    const missing = brokenDutch('tray.status', (status) => {
      delete status.ready;
    });
    expect(compare(missing)).toEqual(['nl: "tray.status.ready" is missing (en has it)']);
  });

  test('a missing or renamed variable', () => {
    const renamed = brokenDutch('incomingCall', (call) => {
      call.namedCaller = '{{naam}} belt je';
    });
    expect(compare(renamed)).toEqual(['nl: "incomingCall.namedCaller" uses {{naam}} where en uses {{name}}']);
    const dropped = brokenDutch('incomingCall', (call) => {
      call.namedCaller = 'Er belt iemand';
    });
    expect(compare(dropped)).toEqual(['nl: "incomingCall.namedCaller" uses no variables where en uses {{name}}']);
  });

  test('an incomplete plural', () => {
    const incomplete = brokenDutch('backend', (backend) => {
      delete backend.seconds_one;
    });
    expect(compare(incomplete)).toEqual(['nl: "backend.seconds" lacks its plural form "backend.seconds_one"']);
  });

  test('a stale key and an empty translation', () => {
    const stale = brokenDutch('tray', (tray) => {
      tray.oud = 'Weg';
      tray.signOut = ' ';
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
