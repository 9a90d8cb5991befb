import { useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { ConversationSummary } from '../types';

const STATUS: Record<string, MessageKey> = {
  idle: 'conversations.status.idle',
  waiting: 'conversations.status.waiting',
  ended: 'conversations.status.ended',
  failed: 'conversations.status.failed',
};

/** The connected channel types (and the simulator) by name; another channel shows as it is stored. */
const CHANNEL: Record<string, MessageKey> = {
  whatsapp_cloud: 'channels.type.whatsapp_cloud',
  evolution: 'channels.type.evolution',
  telegram: 'channels.type.telegram',
  twilio: 'channels.type.twilio',
  webchat: 'channels.type.webchat',
  simulator: 'conversations.channel.simulator',
};

/** A conversation's status and channel in words; a simulation says which version it ran. */
export function useConversationLabels() {
  const t = useT();
  return {
    status: (status: string) => (STATUS[status] ? t(STATUS[status]) : status),
    channel: (conversation: Pick<ConversationSummary, 'channel' | 'source'>) => {
      if (conversation.source === 'draft') return t('conversations.source.draft');
      if (conversation.source === 'published') return t('conversations.source.published');
      const key = CHANNEL[conversation.channel];
      return key ? t(key) : conversation.channel;
    },
  };
}
