import type { ChannelType } from './adapters/channel-adapter';
import { EvolutionAdapter } from './adapters/evolution/evolution.adapter';
import { parseEvolutionConfig } from './adapters/evolution/evolution.config';
import { answerCallbackQuery, TelegramAdapter } from './adapters/telegram/telegram.adapter';
import { parseTelegramConfig } from './adapters/telegram/telegram.config';
import { TwilioAdapter } from './adapters/twilio/twilio.adapter';
import { parseTwilioConfig } from './adapters/twilio/twilio.config';
import { WhatsAppCloudAdapter } from './adapters/whatsapp-cloud/whatsapp-cloud.adapter';
import { parseWhatsAppCloudConfig } from './adapters/whatsapp-cloud/whatsapp-cloud.config';
import type { ChannelTypeSpec } from './channel-types';
import { parseWebchatConfig } from './webchat/webchat.config';

/** Keeps the fields a channel stores: what the adapter derives (a bot id, the webhook URL) is computed again on use. */
function storing(fields: readonly string[], parse: (config: Record<string, unknown>) => object) {
  return (config: unknown): Record<string, unknown> => {
    const parsed = parse({ ...(config as Record<string, unknown>) }) as Record<string, unknown>;
    return Object.fromEntries(fields.filter((field) => parsed[field] !== undefined).map((field) => [field, parsed[field]]));
  };
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

const SPECS: Record<ChannelType, ChannelTypeSpec> = {
  whatsapp_cloud: {
    parseConfig: storing(['phoneNumberId', 'accessToken', 'appSecret', 'verifyToken', 'apiBaseUrl', 'apiVersion'], parseWhatsAppCloudConfig),
    secretFields: ['accessToken', 'appSecret', 'verifyToken'],
    accountIdOf: (config) => text(config.phoneNumberId),
    webhookPath: (id) => `/webhooks/whatsapp-cloud/${id}`,
    adapter: new WhatsAppCloudAdapter(),
  },
  evolution: {
    parseConfig: storing(['baseUrl', 'instance', 'apiKey', 'jwtKey', 'ignoreGroups'], parseEvolutionConfig),
    secretFields: ['apiKey', 'jwtKey'],
    accountIdOf: (config) => text(config.instance),
    webhookPath: (id, token) => `/webhooks/evolution/${id}/${token}`,
    adapter: new EvolutionAdapter(),
  },
  telegram: {
    parseConfig: storing(['botToken', 'secretToken', 'apiBaseUrl'], parseTelegramConfig),
    secretFields: ['botToken', 'secretToken'],
    // The bot id is the public half of the token (before ':').
    accountIdOf: (config) => text(config.botToken)?.split(':')[0],
    webhookPath: (id) => `/webhooks/telegram/${id}`,
    adapter: new TelegramAdapter(),
    answerCallback: (callbackQueryId, config) => answerCallbackQuery(callbackQueryId, config),
  },
  twilio: {
    parseConfig: storing(['accountSid', 'authToken', 'from', 'apiBaseUrl'], parseTwilioConfig),
    secretFields: ['authToken'],
    accountIdOf: (config) => text(config.accountSid),
    webhookPath: (id) => `/webhooks/twilio/${id}`,
    adapter: new TwilioAdapter(),
  },
  webchat: {
    parseConfig: storing(['allowedOrigins', 'title', 'subtitle', 'primaryColour', 'greeting'], parseWebchatConfig),
    secretFields: [],
    accountIdOf: () => undefined,
    webhookPath: () => undefined,
  },
};

export function channelSpec(type: ChannelType): ChannelTypeSpec {
  return SPECS[type];
}
