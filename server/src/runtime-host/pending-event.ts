import type { TurnEvent } from '@fluxo/engine';
import type { HttpTriggerRequest, InboundMessage, TriggerMatch } from '@fluxo/node-sdk';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../platform/database/sql';

type MessageRow = { id: string; type: string; content: StoredInbound; created_at: Date };

/** How an inbound message is stored in `messages.content`. */
export type StoredInbound =
  | { kind: 'message'; message: Omit<InboundMessage, 'id' | 'timestamp'> }
  | { kind: 'http'; request: HttpTriggerRequest; target: { flowId: string; version: number | 'draft'; nodeId: string; match: TriggerMatch } };

/**
 * The next thing a conversation must react to, and the rows that stand for it: an event for the
 * engine, or the end of a session that saw no message for too long (the host's own business).
 */
export type PendingEvent =
  | { kind: 'engine'; event: TurnEvent; messageIds: string[]; timerId?: string }
  | { kind: 'session-expired'; event: { type: 'session_expired' }; messageIds: []; timerId: string };

/**
 * The conversation's mailbox, oldest first: inbound messages before due timers. With a debounce
 * window, a burst of texts typed one after the other becomes one message.
 */
export async function takeNextEvent(db: EntityManager, conversationId: string, options: { mergeTexts: boolean }): Promise<PendingEvent | null> {
  const pending = await queryRows<MessageRow>(db,
    `SELECT id, type, content, created_at FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'received' ORDER BY seq LIMIT 20`,
    [conversationId]);
  const timer = await queryOne<{ id: string; kind: 'node' | 'session'; fire_at: Date }>(db,
    `SELECT id, kind, fire_at FROM timers WHERE conversation_id = $1 AND status = 'pending' AND fire_at <= now() ORDER BY fire_at LIMIT 1`, [conversationId]);
  const first = pending[0];
  // Whatever happened first goes first: a question that timed out before its late answer arrived times out.
  if (timer && (!first || new Date(timer.fire_at) <= new Date(first.created_at))) {
    if (timer.kind === 'session') return { kind: 'session-expired', event: { type: 'session_expired' }, messageIds: [], timerId: timer.id };
    return { kind: 'engine', event: { type: 'timer', timerId: timer.id }, messageIds: [], timerId: timer.id };
  }
  if (!first) return null;
  if (first.content.kind === 'http') {
    const { request, target } = first.content;
    return { kind: 'engine', event: { type: 'http', request, ...target }, messageIds: [first.id] };
  }
  const burst = options.mergeTexts && first.type === 'text' ? takeWhileText(pending) : [first];
  const message: InboundMessage = { ...first.content.message, id: first.id, timestamp: new Date(first.created_at).toISOString() };
  if (burst.length > 1) message.text = burst.map((row) => (row.content as Extract<StoredInbound, { kind: 'message' }>).message.text ?? '').join('\n');
  return { kind: 'engine', event: { type: 'message', message }, messageIds: burst.map((row) => row.id) };
}

function takeWhileText(rows: MessageRow[]): MessageRow[] {
  const burst: MessageRow[] = [];
  for (const row of rows) {
    if (row.type !== 'text' || row.content.kind !== 'message') break;
    burst.push(row);
  }
  return burst;
}
