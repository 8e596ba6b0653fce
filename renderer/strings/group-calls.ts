/** Calls to several people at once (chips in the call box) and adding someone mid-call (issue 14). */
import { words } from './i18n';
import type GroupCalls from './locales/en/group-calls.json';

export const groupCallStrings = words<(typeof GroupCalls)['groupCall']>()('group-calls', 'groupCall', (t) => ({
  /** A chip's dismiss button, read with the chip's name. */
  removeFromList: (name: string) => t('removeFromList', { name }),
  /** Said to screen readers as the list changes. */
  added: (name: string, count: number) => t('added', { name, count }),
  removed: (name: string, count: number) => (count === 0 ? t('removedLast', { name }) : t('removed', { name, count })),
  alreadyListed: (name: string) => t('alreadyListed', { name }),
  /** What the box says while chips are there and it is empty. */
  readyToCall: (count: number) => t('readyToCall', { count }),
  tooMany: (limit: number) => t('tooMany', { limit }),
  addButtonLabel: (what: string) => t('addButtonLabel', { what }),
  adding: (name: string) => t('adding', { name }),
  addedToCall: (name: string) => t('addedToCall', { name }),
  /** Why adding failed, with the reason the SDK or the service gave. */
  addFailed: (detail: string) => t('addFailed', { detail }),
  didNotJoin: (name: string, reason: string) => t('didNotJoin', { name, reason }),
}));
