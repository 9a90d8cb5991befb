import { z } from 'zod';

import type { ChannelConfig } from '../channel-adapter';
import { parsedOncePerConfig } from '../parsed-config';

export const TELEGRAM_DEFAULT_API_BASE_URL = 'https://api.telegram.org';

/**
 * The token goes into every request path, so it is held to the URL-safe characters BotFather
 * issues; the secret is limited to what setWebhook accepts for `secret_token`.
 */
const telegramConfigSchema = z.object({
  botToken: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like <bot id digits>:<token> as given by @BotFather'),
  secretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z a-z 0-9 _ - (what Telegram accepts)'),
  apiBaseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(TELEGRAM_DEFAULT_API_BASE_URL),
  webhookUrl: z.string().optional(),
});

export type TelegramConfig = {
  botToken: string;
  secretToken: string;
  /** Without a trailing slash, so paths can be appended as-is. */
  apiBaseUrl: string;
  /** The digits before ':' in the token: how Telegram names the bot, and our accountId. */
  botId: string;
  webhookUrl?: string;
};

export class TelegramConfigError extends Error {}

/** Validates a channel's decrypted config; the message names the fields but never echoes their values. */
export const parseTelegramConfig = parsedOncePerConfig((config: ChannelConfig): TelegramConfig => {
  const parsed = telegramConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new TelegramConfigError(`Telegram channel config is invalid: ${problems.join('; ')}`);
  }
  const { botToken, secretToken, apiBaseUrl, webhookUrl } = parsed.data;
  return {
    botToken,
    secretToken,
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    botId: botToken.slice(0, botToken.indexOf(':')),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
  };
});
