import { en } from './en';
import { format } from './format';
import { type MessageKey, nl } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

/** Looks a message up and fills `{name}` placeholders; a missing value leaves the placeholder visible. */
export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  return format(catalogues[language][key], values, language);
}

/** Picks the language of a bilingual content string ({ nl, en }) from content packs. */
export function pick(text: { nl: string; en: string }, language: Language): string {
  return text[language];
}
