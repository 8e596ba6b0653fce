/** Every namespace of one language: its own chunk, fetched only when this language is in force. */
import { resourcesFrom } from '../../i18n';

export const resources = resourcesFrom(import.meta.glob<object>('./*.json', { eager: true, import: 'default' }));
