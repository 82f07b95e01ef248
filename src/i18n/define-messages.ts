// Per-feature message catalogues: each feature keeps its Dutch and English text beside its code, and
// the compiler checks that English has exactly the Dutch keys. The shell's own messages are nl.ts/en.ts.
import { useCallback } from 'react';
import { useSession } from '../app/session-store';
import type { Language } from './translate';

export type Catalogue<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

/** Declares a feature's messages; English must have exactly the Dutch keys. */
export function defineMessages<const N extends Record<string, string>>(nl: N, en: Record<keyof N & string, string>) {
  return { nl, en } as Catalogue<keyof N & string>;
}

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export function translateIn<K extends string>(
  catalogue: Catalogue<K>,
  language: Language,
  key: K,
  values?: Record<string, string | number>,
): string {
  return format(catalogue[language][key], values);
}

/** `const t = useMessages(messages)`: the feature's translate function for the current language. */
export function useMessages<K extends string>(catalogue: Catalogue<K>) {
  const language = useSession((s) => s.language);
  return useCallback(
    (key: K, values?: Record<string, string | number>) => translateIn(catalogue, language, key, values),
    [catalogue, language],
  );
}

/** The current UI language, for picking `{ nl, en }` strings out of content packs. */
export function useLanguage(): Language {
  return useSession((s) => s.language);
}
