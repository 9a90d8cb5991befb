import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { queryOne } from '../../../platform/database/sql';
import { logger } from '../../../platform/logging/logger';
import { InboundIntake } from '../../../runtime-host/inbound-intake';
import type { StoredInbound } from '../../../runtime-host/pending-event';
import type { ParsedConnection, ParsedInboundMessage, ParsedStatus, WebhookRequest } from '../adapters/channel-adapter';
import { channelSpec } from '../channel-registry';
import { webhookForbidden, webhookMalformed } from '../channels.errors';
import { ChannelsService } from '../channels.service';
import type { LoadedChannel } from '../channels.service';
import { DEFAULT_PAUSE_BOT_MINUTES } from '../channel-view';
import { STATUS_RANK, STATUS_RANK_SQL } from './delivery-status';
import { asMenuReply } from './numbered-reply';
import type { StoredMenu } from './numbered-reply';

export type WebhookOutcome = { messages: number; duplicates: number; statuses: number; ignored: number };

/**
 * A verified webhook's events into Fluxo: customer messages are stored idempotently and queue a
 * turn, statuses update the stored outbound message, echoes of Fluxo's own sends are dropped and
 * a message the business typed on its own phone pauses the bot. Nothing here calls a provider
 * before answering, so the webhook answers within milliseconds.
 */
@Injectable()
export class ChannelInboundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: InboundIntake,
    private readonly channels: ChannelsService,
  ) {}

  /** `signed` is the request as it arrived when `request` is one channel's part of it (one Meta app for many tenants). */
  async receiveWebhook(channel: LoadedChannel, request: WebhookRequest, signed: WebhookRequest = request): Promise<WebhookOutcome> {
    const adapter = channelSpec(channel.row.type).adapter;
    if (!adapter) throw webhookMalformed(`The ${channel.row.type} channel has no webhook.`);
    const verified = adapter.verify(signed, channel.config);
    if (!verified.ok) throw webhookForbidden(verified.reason);
    let parsed;
    try {
      parsed = adapter.parse(request, channel.config);
    } catch (error) {
      throw webhookMalformed(`The webhook body could not be read: ${(error as Error).message}`);
    }
    if (parsed.accountId && channel.row.account_id && parsed.accountId !== channel.row.account_id) {
      throw webhookForbidden(`The payload is for account ${parsed.accountId}, not this channel's: check the webhook URL configured at the provider.`);
    }
    const outcome: WebhookOutcome = { messages: 0, duplicates: 0, statuses: 0, ignored: 0 };
    for (const event of parsed.events) {
      if (event.kind === 'message') await this.receiveMessage(channel, event, outcome);
      else if (event.kind === 'status') outcome.statuses += await this.applyStatus(channel, event);
      else await this.applyConnection(channel, event);
    }
    return outcome;
  }

  private async receiveMessage(channel: LoadedChannel, event: ParsedInboundMessage, outcome: WebhookOutcome): Promise<void> {
    if (channel.row.status === 'disconnected' || (event.conversation.type === 'group' && !channel.row.options.allowGroups)) {
      outcome.ignored += 1;
      return;
    }
    if (event.direction === 'echo') {
      if (await this.recordBusinessReply(channel, event)) outcome.messages += 1;
      else outcome.ignored += 1;
      return;
    }
    const received = await this.intake.receiveFrom({
      tenantId: channel.row.tenant_id,
      channel: channel.row.type,
      channelId: channel.row.id,
      address: conversationKey(channel, event),
      replyAddress: event.conversation.externalChatId,
      contact: { key: event.from.phone ?? event.from.id, name: event.from.name, phone: event.from.phone, aliases: aliasesOf(event) },
      type: event.type,
      content: storedContent(event),
      externalId: externalId(channel, event.externalMessageId),
      reinterpret: (menu) => {
        const reply = asMenuReply(event, menu as StoredMenu, new Date());
        return reply === event ? null : { type: reply.type, content: storedContent(reply) };
      },
    });
    if (received.duplicate) outcome.duplicates += 1;
    else outcome.messages += 1;
    if (event.callbackQueryId) this.acknowledgeButton(channel, event.callbackQueryId);
  }

  /**
   * A `fromMe` message: an echo of Fluxo's own send is dropped; anything else was typed by someone
   * at the business (phone, WhatsApp Web). It is kept as an agent message and the bot steps back.
   */
  private async recordBusinessReply(channel: LoadedChannel, event: ParsedInboundMessage): Promise<boolean> {
    const id = externalId(channel, event.externalMessageId);
    const pauseMinutes = channel.row.options.pauseBotMinutes ?? DEFAULT_PAUSE_BOT_MINUTES;
    const row = await queryOne<{ id: string | null }>(this.dataSource, `
      WITH ours AS (SELECT 1 FROM messages WHERE tenant_id = $1 AND channel = $2 AND direction = 'out' AND external_id = $3),
      conversation AS (
        UPDATE conversations SET bot_paused_until = CASE WHEN $6::int > 0 THEN now() + make_interval(mins => $6::int) ELSE bot_paused_until END
         WHERE tenant_id = $1 AND channel = $2 AND external_key = $4 AND NOT EXISTS (SELECT 1 FROM ours) RETURNING id)
      INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
      SELECT $1, conversation.id, 'out', $5, $7, $2, $3, 'sent' FROM conversation
      ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
    [channel.row.tenant_id, channel.row.type, id, conversationKey(channel, event), event.type, pauseMinutes,
      JSON.stringify({ kind: 'agent', by: 'business_phone', message: storedContent(event).message })]);
    return Boolean(row?.id);
  }

  private async applyStatus(channel: LoadedChannel, event: ParsedStatus): Promise<number> {
    const updated = await queryOne<{ id: string }>(this.dataSource, `
      UPDATE messages SET status = $4, status_at = $5, delivery_error = coalesce($6::jsonb, delivery_error)
       WHERE tenant_id = $1 AND channel = $2 AND direction = 'out' AND external_id = $3 AND ${STATUS_RANK_SQL} < $7
      RETURNING id`,
    [channel.row.tenant_id, channel.row.type, externalId(channel, event.externalMessageId), event.status, event.timestamp,
      event.error ? JSON.stringify(event.error) : null, STATUS_RANK[event.status]]);
    return updated ? 1 : 0;
  }

  private async applyConnection(channel: LoadedChannel, event: ParsedConnection): Promise<void> {
    if (event.state === 'blocked_by_user') return; // one person blocking the bot says nothing about the channel
    const status = event.state === 'open' ? 'active' : event.state === 'connecting' ? channel.row.status : 'disconnected';
    const detail = event.state === 'qr_required' ? 'Scan the QR code in the Evolution manager to connect the number.'
      : event.state === 'logged_out' ? 'The number was logged out on the phone: connect it again with a new QR code.'
        : event.state === 'closed' ? 'The WhatsApp session closed: check the Evolution instance.' : null;
    await this.channels.setStatus(channel.row.id, status, detail);
  }

  /** Telegram keeps a pressed inline button spinning until the bot answers the callback. */
  private acknowledgeButton(channel: LoadedChannel, callbackQueryId: string): void {
    const answer = channelSpec(channel.row.type).answerCallback;
    if (!answer) return;
    answer(callbackQueryId, channel.config).catch((error: unknown) =>
      logger.warn({ err: error, channelId: channel.row.id }, 'answering a button press failed'));
  }
}

/** Conversation keys and message ids are unique per connected channel, not only per provider. */
export const conversationKey = (channel: LoadedChannel, event: ParsedInboundMessage) => `${channel.row.id}:${event.conversation.key}`;
export const externalId = (channel: LoadedChannel, providerId: string) => `${channel.row.id}:${providerId}`;

function aliasesOf(event: ParsedInboundMessage): string[] {
  const key = event.from.phone ?? event.from.id;
  return [...new Set([event.from.id, ...(event.from.aliases ?? [])])].filter((alias) => alias !== key);
}

function storedContent(event: ParsedInboundMessage): Extract<StoredInbound, { kind: 'message' }> {
  const message: Omit<InboundMessage, 'id' | 'timestamp'> = { type: event.type };
  if (event.text !== undefined) message.text = event.text;
  if (event.media) message.media = event.media;
  if (event.location) message.location = event.location;
  if (event.interactive) message.interactive = event.interactive;
  return { kind: 'message', message };
}
