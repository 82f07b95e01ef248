import { useCallback } from 'react';
import { useLanguage } from './language';
import type { MessageKey } from './nl';
import { translate } from './translate';

/** The translate function for the current language; re-renders when the language changes. */
export function useT() {
  const language = useLanguage();
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
}
