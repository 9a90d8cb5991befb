import { createHash, timingSafeEqual } from 'node:crypto';

import type { ChannelConfig, VerifyResult, WebhookRequest } from '../channel-adapter';
import { parseTelegramConfig } from './telegram.config';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Telegram signs nothing: the only proof a request is Telegram's is the secret we gave setWebhook,
 * echoed in a header. It is compared byte for byte (no trimming, no case folding) in constant time.
 */
export function verifyTelegramRequest(request: WebhookRequest, channelConfig: ChannelConfig): VerifyResult {
  let secretToken: string;
  try {
    ({ secretToken } = parseTelegramConfig(channelConfig));
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const received = request.headers[SECRET_HEADER];
  if (received === undefined) {
    return { ok: false, reason: `missing ${SECRET_HEADER} header: check that the webhook was registered (activate) with this channel's secret_token` };
  }
  if (!sameSecret(received, secretToken)) {
    return { ok: false, reason: `${SECRET_HEADER} header does not match this channel's secret token: re-run activate so Telegram gets the current secret` };
  }
  return { ok: true };
}

/** Hashing first gives equal-length inputs, so neither the content nor the length leaks through timing. */
function sameSecret(received: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}
