export { LANGUAGES, DEFAULT_LANGUAGE } from './catalogs';
export type { Language } from './catalogs';
export type { MessageKey } from './pt-BR';
export { useT, useLanguage } from './useT';
export type { Translate } from './useT';
export { formatRelativeTime, formatDateTime } from './formatRelativeTime';
export { useErrorMessage } from './useErrorMessage';
export type { DescribeError } from './useErrorMessage';
export { LanguageSelect } from './LanguageSelect';
