// Keeps the chosen UI language between visits, so the lock screen speaks it too. Only the language is
// stored (localStorage holds no client data). The key and shape are those v1's zustand `persist`
// wrote ({"state":{"language":"en"},"version":0}), so an upgraded device keeps its choice.
import * as v from 'valibot';
import { setLanguage, useLanguageStore } from '../i18n/language';
import { LANGUAGES, type Language } from '../i18n/translate';

const KEY = 'stapwijzer.preferences';

const StoredSchema = v.object({ state: v.object({ language: v.picklist(LANGUAGES) }) });

function readStored(storage: Storage): Language | null {
  try {
    const parsed = v.safeParse(StoredSchema, JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.output.state.language : null;
  } catch {
    return null;
  }
}

/** Restores the stored language and stores every later change; returns the unsubscribe function. */
export function persistLanguage(storage: Storage = localStorage): () => void {
  const stored = readStored(storage);
  if (stored) setLanguage(stored);
  return useLanguageStore.subscribe((state) => {
    try {
      storage.setItem(KEY, JSON.stringify({ state: { language: state.language }, version: 0 }));
    } catch {
      // Storage full or denied: the choice still holds for this visit.
    }
  });
}
