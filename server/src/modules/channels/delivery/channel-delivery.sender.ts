import type { OutboundMessage } from '@fluxo/node-sdk';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../../platform/database/sql';
import type { ChannelSender, DeliveryContext, DeliveryOutcome } from '../../../runtime-host/outbox-delivery';
import type { ChannelAdapter, ChannelCapabilities, SendResult } from '../adapters/channel-adapter';
import { channelSpec } from '../channel-registry';
import type { ChannelsService, LoadedChannel } from '../channels.service';
import { degradeForChannel } from '../lib/degrade-outbound';
import { MENU_TTL_MS } from '../inbound/numbered-reply';
import { RateLimiter } from './rate-limiter';
import { isOutsideWindow, OUTSIDE_WINDOW_MESSAGE } from './service-window';

type ConversationRow = { channel_id: string | null; reply_address: string | null; last_inbound_at: Date | null; tenant_id: string; last_inbound_external_id: string | null };

/** Per channel type: messages per second overall and the gap between two messages to one chat. */
const PACE: Record<string, { perSecond: number; chatGapMs: number }> = {
  // Telegram: about 30 messages/s per bot, 1/s per chat.
  telegram: { perSecond: 30, chatGapMs: 1_000 },
  // Cloud API: 80/s per number by default; kept under it. The pair rate (1 per 6 s to one user) tolerates bursts.
  whatsapp_cloud: { perSecond: 50, chatGapMs: 0 },
  // Evolution (Baileys) has no limit but bans look at pacing: strictly serial, spaced replies.
  evolution: { perSecond: 10, chatGapMs: 1_000 },
  twilio: { perSecond: 50, chatGapMs: 0 },
};

/** How long a channel's decrypted config is reused before being read again (edits apply within this). */
const CHANNEL_TTL_MS = 5_000;

/**
 * Delivers outbox rows through a connected channel: checks the service window, degrades the
 * message to what the channel shows (buttons → list or numbered options, long text split), paces
 * the sends and maps the adapter's result to the delivery's retry/fail/sent.
 */
export class ChannelDeliverySender implements ChannelSender {
  private readonly limiter = new RateLimiter();
  private readonly cache = new Map<string, { loaded: LoadedChannel; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
  ) {}

  async send(message: OutboundMessage, context: DeliveryContext): Promise<DeliveryOutcome> {
    const conversation = await this.conversation(context.conversationId);
    if (!conversation?.channel_id || !conversation.reply_address) return failed('The conversation has no channel to reply through: was the channel deleted?', 'invalid_request');
    const channel = await this.channel(conversation.tenant_id, conversation.channel_id);
    if (!channel) return failed('The channel of this conversation was deleted.', 'invalid_request');
    const adapter = channelSpec(channel.row.type).adapter!;
    const capabilities = adapter.capabilities(channel.config);
    const refusal = this.refusal(message, capabilities, conversation);
    if (refusal) return refusal;
    const degraded = degradeForChannel(message, capabilities);
    if (degraded.menu) await this.rememberMenu(context.conversationId, degraded.menu);
    const externalIds = [...context.sentParts];
    // Parts an earlier attempt sent are skipped: a retry resumes where it stopped.
    for (let part = context.sentParts.length; part < degraded.messages.length; part += 1) {
      const result = await this.sendPart(adapter, channel, conversation, degraded.messages[part]!, `${context.idempotencyKey}:${part}`);
      if (!result.ok) return result.retriable ? { status: 'retry', error: result.message, retryAfterMs: result.retryAfterMs } : failed(result.message, result.category);
      if (result.externalMessageId) {
        externalIds.push(`${channel.row.id}:${result.externalMessageId}`);
        await context.recordPart(`${channel.row.id}:${result.externalMessageId}`);
      }
    }
    return { status: 'sent', externalIds };
  }

  private refusal(message: OutboundMessage, capabilities: ChannelCapabilities, conversation: ConversationRow): DeliveryOutcome | undefined {
    if (message.kind === 'template' && !capabilities.templates) return failed('This channel has no message templates: send a normal message instead.', 'unsupported');
    if (capabilities.serviceWindow && message.kind !== 'template' && message.kind !== 'typing' && isOutsideWindow(conversation.last_inbound_at, new Date())) {
      return failed(OUTSIDE_WINDOW_MESSAGE, 'outside_window');
    }
    return undefined;
  }

  private async sendPart(adapter: ChannelAdapter, channel: LoadedChannel, conversation: ConversationRow, message: OutboundMessage, idempotencyKey: string): Promise<SendResult> {
    const pace = PACE[channel.row.type] ?? { perSecond: 20, chatGapMs: 0 };
    await this.limiter.take(`channel:${channel.row.id}`, pace.perSecond);
    if (pace.chatGapMs) await this.limiter.spaced(`chat:${channel.row.id}:${conversation.reply_address}`, pace.chatGapMs);
    // Typing on the Cloud API is tied to the customer's message being marked read.
    const replyTo = message.kind === 'typing' && conversation.last_inbound_external_id ? conversation.last_inbound_external_id.slice(channel.row.id.length + 1) : undefined;
    return adapter.send({ to: conversation.reply_address!, message, idempotencyKey, ...(replyTo ? { replyToExternalMessageId: replyTo } : {}) }, channel.config);
  }

  private async conversation(conversationId: string): Promise<ConversationRow | undefined> {
    return queryOne<ConversationRow>(this.dataSource, `
      SELECT c.tenant_id, c.channel_id, c.reply_address, c.last_inbound_at,
             (SELECT m.external_id FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' ORDER BY m.seq DESC LIMIT 1) AS last_inbound_external_id
        FROM conversations c WHERE c.id = $1`, [conversationId]);
  }

  private async channel(tenantId: string, channelId: string): Promise<LoadedChannel | undefined> {
    const cached = this.cache.get(channelId);
    if (cached && cached.until > performance.now()) return cached.loaded;
    const loaded = await this.channels.loadForWebhook(channelId);
    if (!loaded || loaded.row.tenant_id !== tenantId) return undefined;
    this.cache.set(channelId, { loaded, until: performance.now() + CHANNEL_TTL_MS });
    return loaded;
  }

  private async rememberMenu(conversationId: string, menu: NonNullable<ReturnType<typeof degradeForChannel>['menu']>): Promise<void> {
    await this.dataSource.query(`UPDATE conversations SET numbered_menu = $2 WHERE id = $1`,
      [conversationId, JSON.stringify({ ...menu, expiresAt: new Date(Date.now() + MENU_TTL_MS).toISOString() })]);
  }
}

function failed(error: string, category: string): DeliveryOutcome {
  return { status: 'failed', error, category };
}
