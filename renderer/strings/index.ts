/**
 * The one strings module: every user-facing sentence, one file per area, re-exported here.
 * Components import from 'renderer/strings' only. The words themselves are in locales/ (docs/i18n.md).
 */

export * from './call-features';
export * from './calls';
export * from './desktop';
export * from './directory';
export * from './group-calls';
export { currentLanguage } from './i18n';
export * from './pre-join';
export * from './reactions';
export * from './session';
export * from './time-format';
export * from './transfer';
export { useUiLanguage } from './use-ui-language';
