/** Call transfer (renderer/calling/transfer.ts, renderer/screens/in-call/Transfer.tsx). */
import { words } from './i18n';
import type Transfer from './locales/en/transfer.json';

type TransferSection = (typeof Transfer)['transfer'];

export const transferStrings = words<TransferSection>()('transfer', 'transfer', (t) => ({
  /** What happens, said before anything is done. */
  intro: (name: string) => t('intro', { name }),
  /** What the box understood, before the button is pressed. */
  understood: (display: string) => t('understood', { display }),
  transferLabel: (name: string) => t('transferLabel', { name }),
  toHeldCallLabel: (name: string) => t('toHeldCallLabel', { name }),
  /** Said in the call while the service works on it. */
  transferring: (name: string) => t('transferring', { name }),
  /** The sender's end message, on the ended-call card. */
  transferred: (name: string) => t('transferred', { name }),
  failed: (name: string, detail: string) => t('failed', { name, detail }),
  /** The transfer's error code in words (SIP semantics, as the call end reasons). */
  failures: words<TransferSection['failures']>()('transfer', 'transfer.failures', (tf) => ({
    other: (code: number, subCode: number) => tf('other', { code, subCode }),
  })),
  /** transfer() threw before anything was sent. */
  refused: (detail: string) => t('refused', { detail }),
  /** The transferee's notice, on the new call. */
  arrived: (name: string) => t('arrived', { name }),
}));
