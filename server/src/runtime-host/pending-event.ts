import type { TurnEvent } from '@fluxo/engine';
import type { HttpTriggerRequest, InboundMessage, TriggerMatch } from '@fluxo/node-sdk';

/** How an inbound message is stored in `messages.content`. */
export type StoredInbound =
  | { kind: 'message'; message: Omit<InboundMessage, 'id' | 'timestamp'> }
  | { kind: 'http'; request: HttpTriggerRequest; target: { flowId: string; version: number | 'draft'; nodeId: string; match: TriggerMatch } }
  /** A message `nodeId` sent was refused for good (see OutboxDelivery.markFailed). */
  | { kind: 'delivery_failed'; outboxId: string; flowId: string; version: number | null; nodeId: string; error: { code: string; message: string } };

/** A conversation's mailbox as the turn loaded it: unprocessed inbound messages and the earliest due timer. */
export type Mailbox = {
  pending: Array<{ id: string; type: string; content: StoredInbound; created_at: string }>;
  dueTimer: { id: string; kind: 'node' | 'session'; fire_at: string } | null;
};

/**
 * The next thing a conversation must react to, and the rows that stand for it: an event for the
 * engine, or the end of a session that saw no message for too long (the host's own business).
 */
export type PendingEvent =
  | { kind: 'engine'; event: TurnEvent; messageIds: string[]; timerId?: string }
  | { kind: 'session-expired'; event: { type: 'session_expired' }; messageIds: []; timerId: string };

/**
 * The oldest item of the mailbox: whatever happened first goes first, so a question that timed out
 * before its late answer arrived times out. With a debounce window, a burst of texts typed one
 * after the other becomes one message.
 */
export function nextEvent(mailbox: Mailbox, options: { mergeTexts: boolean }): PendingEvent | null {
  const timer = mailbox.dueTimer;
  const first = mailbox.pending[0];
  if (timer && (!first || Date.parse(timer.fire_at) <= Date.parse(first.created_at))) {
    if (timer.kind === 'session') return { kind: 'session-expired', event: { type: 'session_expired' }, messageIds: [], timerId: timer.id };
    return { kind: 'engine', event: { type: 'timer', timerId: timer.id }, messageIds: [], timerId: timer.id };
  }
  if (!first) return null;
  if (first.content.kind === 'http') {
    const { request, target } = first.content;
    return { kind: 'engine', event: { type: 'http', request, ...target }, messageIds: [first.id] };
  }
  if (first.content.kind === 'delivery_failed') {
    const { flowId, version, nodeId, error } = first.content;
    return { kind: 'engine', event: { type: 'delivery_failed', flowId, version: version ?? 'draft', nodeId, error }, messageIds: [first.id] };
  }
  const burst = options.mergeTexts && first.type === 'text' ? takeWhileText(mailbox.pending) : [first];
  const message: InboundMessage = { ...first.content.message, id: first.id, timestamp: new Date(first.created_at).toISOString() };
  if (burst.length > 1) message.text = burst.map((row) => (row.content as Extract<StoredInbound, { kind: 'message' }>).message.text ?? '').join('\n');
  return { kind: 'engine', event: { type: 'message', message }, messageIds: burst.map((row) => row.id) };
}

/** Whether the mailbox holds more than `event` took: the turn job then runs another turn. */
export function hasMoreAfter(mailbox: Mailbox, event: PendingEvent): boolean {
  const remainingMessages = mailbox.pending.length - event.messageIds.length;
  return remainingMessages > 0 || (mailbox.dueTimer !== null && event.timerId !== mailbox.dueTimer.id);
}

function takeWhileText(rows: Mailbox['pending']): Mailbox['pending'] {
  const burst: Mailbox['pending'] = [];
  for (const row of rows) {
    if (row.type !== 'text' || row.content.kind !== 'message') break;
    burst.push(row);
  }
  return burst;
}
