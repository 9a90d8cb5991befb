import { providerFetch } from '../provider-http';
import type { ProviderResponse } from '../provider-http';
import type { TelegramConfig } from './telegram.config';
import type { SendFailure } from './telegram.errors';
import { failureFromException, failureFromResponse, redactToken } from './telegram.errors';
import type { TgResponse } from './telegram.types';

export const TELEGRAM_TIMEOUT_MS = 10_000;

export type TelegramOutcome = { ok: true; result: unknown } | { ok: false; failure: SendFailure };

/**
 * One Bot API call: `POST {apiBaseUrl}/bot{token}/{method}` with a JSON body. Whatever goes
 * wrong comes back as a categorized failure with the token scrubbed from the message.
 */
export async function callTelegram(config: TelegramConfig, method: string, body: Record<string, unknown>, timeoutMs = TELEGRAM_TIMEOUT_MS): Promise<TelegramOutcome> {
  try {
    const response = await providerFetch(`${config.apiBaseUrl}/bot${config.botToken}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = await readPayload(response);
    if (response.ok && payload?.ok === true) return { ok: true, result: payload.result };
    return { ok: false, failure: redactToken(failureFromResponse(method, response.status, payload, response.headers), config.botToken) };
  } catch (error) {
    return { ok: false, failure: redactToken(failureFromException(method, error, timeoutMs), config.botToken) };
  }
}

/** Proxies and load balancers answer HTML or nothing; that is "no Bot API answer", not a crash. */
async function readPayload(response: ProviderResponse): Promise<TgResponse | undefined> {
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as TgResponse) : undefined;
  } catch {
    return undefined;
  }
}
