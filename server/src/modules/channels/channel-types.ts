import type { ChannelAdapter, ChannelConfig, ChannelType } from './adapters/channel-adapter';

export const CHANNEL_TYPES = ['whatsapp_cloud', 'evolution', 'telegram', 'twilio', 'webchat'] as const satisfies readonly ChannelType[];

/**
 * What the API needs to know of each channel type: how to validate its config (the adapter's own
 * parser, so the API and the adapter never disagree), which fields are secrets (sealed at rest,
 * masked in answers), which field names the provider account, and where its webhook lives.
 */
export type ChannelTypeSpec = {
  parseConfig(config: unknown): Record<string, unknown>;
  secretFields: readonly string[];
  accountIdOf(config: Record<string, unknown>): string | undefined;
  webhookPath(channelId: string, token: string): string | undefined;
  adapter?: ChannelAdapter;
  /** Telegram: a pressed inline button spins until its callback is answered. */
  answerCallback?(callbackQueryId: string, config: ChannelConfig): Promise<unknown>;
};

export function isChannelType(value: string): value is ChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(value);
}
