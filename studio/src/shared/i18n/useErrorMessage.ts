import { useCallback } from 'react';
import { ApiError } from '../api/ApiError';
import { catalogs } from './catalogs';
import { useLanguageStore } from './language.store';
import { hasMessage, translate } from './translate';
import type { MessageParams } from './translate';

export type DescribeError = (error: unknown) => string;

/**
 * Words for a failed request in the user's language: our own message for each known server code,
 * else the server's message (user-safe, but English), else a generic one. The server's details
 * (e.g. `retryAfterSeconds`) fill the message's placeholders.
 */
export function useErrorMessage(): DescribeError {
  const language = useLanguageStore((state) => state.language);
  return useCallback<DescribeError>(
    (error) => {
      const catalog = catalogs[language];
      if (!(error instanceof ApiError)) return translate(catalog, 'errors.unknown');
      const key = `errors.${error.code}`;
      if (hasMessage(catalog, key)) return translate(catalog, key, paramsOf(error), language);
      if (error.status >= 500) return translate(catalog, 'errors.INTERNAL');
      // A bare status (no error body, e.g. from a proxy) has only an HTTP reason phrase to offer.
      if (error.code.startsWith('HTTP_') || !error.message) return translate(catalog, 'errors.unknown');
      return error.message;
    },
    [language],
  );
}

function paramsOf(error: ApiError): MessageParams {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(error.details)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  // The login throttle says when to try again in seconds; people think in minutes.
  if (typeof error.details.retryAfterSeconds === 'number') params.minutes = Math.max(1, Math.ceil(error.details.retryAfterSeconds / 60));
  return params;
}
