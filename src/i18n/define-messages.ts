// Per-feature message catalogues: each feature keeps its Dutch and English text beside its code, and
// the compiler checks that English has exactly the Dutch keys. The shell's own messages are nl.ts/en.ts.
import { useCallback } from 'react';
import { format } from './format';
import { useLanguage } from './language';
import type { Language } from './translate';

export type Catalogue<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

/** Declares a feature's messages; English must have exactly the Dutch keys. */
export function defineMessages<const N extends Record<string, string>>(nl: N, en: Record<keyof N & string, string>) {
  return { nl, en } as Catalogue<keyof N & string>;
}

export function translateIn<K extends string>(
  catalogue: Catalogue<K>,
  language: Language,
  key: K,
  values?: Record<string, string | number>,
): string {
  return format(catalogue[language][key], values, language);
}

/** `const t = useMessages(messages)`: the feature's translate function for the current language. */
export function useMessages<K extends string>(catalogue: Catalogue<K>) {
  const language = useLanguage();
  return useCallback(
    (key: K, values?: Record<string, string | number>) => translateIn(catalogue, language, key, values),
    [catalogue, language],
  );
}

export { useLanguage } from './language';
