import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../../../platform/database/sql';
import { parseWebchatConfig } from './webchat.config';
import type { WebchatConfig } from './webchat.config';

export type VisitorMessage = Omit<InboundMessage, 'id' | 'timestamp'>;

/** What the widget shows before anything is said. */
export type WebchatLook = Pick<WebchatConfig, 'title' | 'subtitle' | 'primaryColour' | 'greeting'>;

type KeyedChannel = { id: string; tenantId: string; look: WebchatLook };

/** Channels and history for widget visitors, who have no account: the public key and their visitor id are all they hold. */
@Injectable()
export class WebchatVisitors {
  constructor(private readonly dataSource: DataSource) {}

  async channelForKey(key: string, origin: string | undefined): Promise<{ ok: true; channel: KeyedChannel } | { ok: false; error: string }> {
    const row = key ? await queryOne<{ id: string; tenant_id: string; settings: unknown; status: string }>(this.dataSource,
      `SELECT id, tenant_id, settings, status FROM channels WHERE webhook_token = $1 AND type = 'webchat'`, [key]) : undefined;
    if (!row || row.status !== 'active') return { ok: false, error: 'This chat is not available.' };
    const config = parseWebchatConfig(row.settings);
    if (!originAllowed(config.allowedOrigins, origin)) return { ok: false, error: 'This site may not open this chat: add its address to the channel\'s allowed origins.' };
    return { ok: true, channel: { id: row.id, tenantId: row.tenant_id, look: { title: config.title, subtitle: config.subtitle, primaryColour: config.primaryColour, greeting: config.greeting } } };
  }

  /** The visitor's conversation so far (the last 100 messages), so a reload loses nothing. */
  async history(session: { tenantId: string; channelId: string; visitorId: string }): Promise<{ conversationId?: string; messages: Array<{ id: string; from: 'bot' | 'visitor'; content: unknown; createdAt: string }> }> {
    const conversation = await queryOne<{ id: string }>(this.dataSource,
      `SELECT id FROM conversations WHERE tenant_id = $1 AND channel = 'webchat' AND external_key = $2`, [session.tenantId, `${session.channelId}:${session.visitorId}`]);
    if (!conversation) return { messages: [] };
    const rows = await queryRows<{ id: string; direction: 'in' | 'out'; content: { kind?: string; message?: unknown }; created_at: Date }>(this.dataSource,
      `SELECT id, direction, content, created_at FROM (
         SELECT id, seq, direction, content, created_at FROM messages WHERE conversation_id = $1 AND status <> 'failed' ORDER BY seq DESC LIMIT 100) recent
        ORDER BY seq`, [conversation.id]);
    return {
      conversationId: conversation.id,
      messages: rows.map((row) => ({
        id: row.id, from: row.direction === 'in' ? 'visitor' : 'bot',
        // Inbound rows keep `{kind:'message', message}`; outbound rows are the OutboundMessage itself.
        content: row.direction === 'in' ? row.content.message : row.content, createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  }
}

function originAllowed(allowed: string[], origin: string | undefined): boolean {
  if (allowed.includes('*')) return true;
  return Boolean(origin) && allowed.includes(origin!);
}
