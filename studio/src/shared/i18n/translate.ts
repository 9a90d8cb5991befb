import { applyPlurals } from './plural';
import type { Catalog, MessageKey } from './pt-BR';

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders and picks plural forms (see plural.ts) for the language; a
 * placeholder without a value stays visible, so the gap is noticed.
 */
export function translate(catalog: Catalog, key: MessageKey, params?: MessageParams, language = 'pt-BR'): string {
  const template = catalog[key];
  if (!params) return template;
  return applyPlurals(template, params, language).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(catalog: Catalog, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}
