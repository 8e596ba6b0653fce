// The renderer's words come from i18next (renderer/strings/i18n.ts). In the page, main.tsx binds the
// instance once the language's chunk has loaded; under vitest every file starts in English, the way
// a window starts before it knows otherwise. Tests that switch language use switchLanguage().
import { startI18n } from '../../renderer/strings/i18n';
import { resources } from '../../renderer/strings/locales/en/index';

startI18n('en', resources);
