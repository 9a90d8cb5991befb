import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_LANGUAGE, isLanguage } from './catalogs';
import type { Language } from './catalogs';

type LanguageState = {
  language: Language;
  setLanguage: (language: Language) => void;
};

export const LANGUAGE_STORAGE_KEY = 'fluxo.language';

/** The chosen language, kept in localStorage so the next visit opens in it. */
export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      setLanguage: (language) => set({ language }),
    }),
    {
      name: LANGUAGE_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ language }) => ({ language }),
      // A value saved by an older build (or edited by hand) must not leave the studio without words.
      merge: (persisted, current) => {
        const language = (persisted as { language?: unknown } | undefined)?.language;
        return { ...current, language: isLanguage(language) ? language : current.language };
      },
    },
  ),
);
