import { useCallback } from 'react';
import { useSession } from '../app/session-store';
import type { MessageKey } from './nl';
import { translate } from './translate';

/** The translate function for the current language; re-renders when the language changes. */
export function useT() {
  const language = useSession((s) => s.language);
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
}
