/**
 * Questions only main can ask. A compromised renderer can draw anything in the window, including
 * a fake "Are you sure?"; it cannot answer an OS message box. Sensitive changes the renderer
 * requests (a new backend, taking over tel:/callto:, sharing a screen) are confirmed here.
 * The safe answer is the default and what Escape picks, so a stray Enter changes nothing.
 */
import type { BaseWindow, MessageBoxOptions, MessageBoxReturnValue, NativeImage } from 'electron';

export interface ConfirmQuestion {
  readonly message: string;
  readonly detail: string;
  /** [the safe answer, the action]. */
  readonly buttons: readonly [string, string];
  /** Shown beside the question (a screen-share thumbnail). */
  readonly icon?: NativeImage;
}

/** Resolves true only when the user chose the action. Node tests pass their own answer. */
export type NativeConfirm = (question: ConfirmQuestion) => Promise<boolean>;

/** The part of Electron's `dialog` used here. */
export interface MessageBoxDialog {
  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

export function messageBoxOptions(question: ConfirmQuestion): MessageBoxOptions {
  return {
    type: 'question',
    message: question.message,
    detail: question.detail,
    buttons: [...question.buttons],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    ...(question.icon ? { icon: question.icon } : {}),
  };
}

/** Asks with `dialog.showMessageBox`, modal to our window when there is one. */
export function nativeConfirm(dialog: MessageBoxDialog, getWindow: () => BaseWindow | null): NativeConfirm {
  return async (question) => {
    const options = messageBoxOptions(question);
    const window = getWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === 1;
  };
}
