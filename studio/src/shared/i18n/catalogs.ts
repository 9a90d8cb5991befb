import { en } from './en';
import { ptBR } from './pt-BR';
import type { Catalog } from './pt-BR';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'pt-BR';

export const catalogs: Record<Language, Catalog> = { 'pt-BR': ptBR, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
