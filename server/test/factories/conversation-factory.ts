import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InboundIntake } from '../../src/runtime-host/inbound-intake';

/**
 * A live conversation (it sees every published flow of the tenant, like a WhatsApp chat). It uses
 * the simulator's channel for delivery, since real channels are not connected in these tests.
 */
export async function insertLiveConversation(db: DataSource, tenantId: string, key = `live-${Math.random().toString(36).slice(2)}`): Promise<string> {
  const [contact] = await db.query(`INSERT INTO contacts (tenant_id, channel, external_id, name) VALUES ($1, 'simulator', $2, 'Cliente') RETURNING id`, [tenantId, key]);
  const [conversation] = await db.query(
    `INSERT INTO conversations (tenant_id, contact_id, channel, external_key, source) VALUES ($1, $2, 'simulator', $3, 'live') RETURNING id`,
    [tenantId, contact.id, key]);
  return conversation.id as string;
}

/** The customer writes `text`, through the same intake a channel webhook uses. */
export function receiveText(app: INestApplication, tenantId: string, conversationId: string, text: string, externalId?: string) {
  return app.get(InboundIntake).receive({
    tenantId, conversationId, channel: 'simulator', type: 'text', content: { kind: 'message', message: { type: 'text', text } }, ...(externalId ? { externalId } : {}),
  });
}

/** The texts the bot sent in the conversation, in order (outbox rows, delivered or not). */
export async function botTexts(db: DataSource, conversationId: string): Promise<string[]> {
  const rows = await db.query(`SELECT message ->> 'text' AS text FROM outbox WHERE conversation_id = $1 ORDER BY seq`, [conversationId]);
  return rows.map((row: { text: string }) => row.text);
}
