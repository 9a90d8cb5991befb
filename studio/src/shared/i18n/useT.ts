import { useCallback } from 'react';
import { catalogs } from './catalogs';
import type { Language } from './catalogs';
import { useLanguageStore } from './language.store';
import type { MessageKey } from './pt-BR';
import { translate } from './translate';
import type { MessageParams } from './translate';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguageStore((state) => state.language);
  return useCallback<Translate>((key, params) => translate(catalogs[language], key, params, language), [language]);
}

export function useLanguage(): [Language, (language: Language) => void] {
  const language = useLanguageStore((state) => state.language);
  const setLanguage = useLanguageStore((state) => state.setLanguage);
  return [language, setLanguage];
}
