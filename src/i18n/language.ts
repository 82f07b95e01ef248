// The current UI language. i18n holds it (every translated string depends on it, and i18n sits below
// every layer that shows text); src/runtime/language-persistence.ts stores it between visits.
import { create } from 'zustand';
import type { Language } from './translate';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: 'nl',
  setLanguage: (language) => set({ language }),
}));

/** The current UI language, for picking `{ nl, en }` strings out of content packs. */
export function useLanguage(): Language {
  return useLanguageStore((s) => s.language);
}

/** Switches the UI language everywhere at once. */
export function setLanguage(language: Language): void {
  useLanguageStore.getState().setLanguage(language);
}
