import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../platform/database/group-commit';
import { queryOne, queryStatements } from '../platform/database/sql';
import type { PreparedStatement } from '../platform/database/sql';
import { logger } from '../platform/logging/logger';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import type { StoredInbound } from './pending-event';
import { TurnCoordinator } from './turn-coordinator';

export type Intake = { tenantId: string; conversationId: string; channel: string; type: string; content: StoredInbound; externalId?: string };

/** A message from a channel address (a phone number, a chat id, an HTTP trigger's key). */
export type AddressedIntake = Omit<Intake, 'conversationId'> & {
  address: string;
  /** The person behind the address, from the channel's identity: fills what the contact lacks. */
  contact?: { key: string; name?: string; phone?: string; aliases?: string[] };
  /** The connected channel the message came through, and where its replies go. */
  channelId?: string;
  replyAddress?: string;
  /**
   * Reads the stored message again in the light of the conversation's numbered menu (options sent
   * as text: "2" answers the second one). The menu comes back with the insert, so only a message
   * that does answer one costs a second statement.
   */
  reinterpret?: (numberedMenu: unknown) => { type: string; content: StoredInbound } | null;
};

/** What the intake statement answers: `id` is null for a duplicate. */
type IntakeRow = { conversation_id: string; id: string | null; held: boolean; debounce_ms: number | null; numbered_menu: unknown; reply_address: string | null };

/**
 * `held`: stored while a human has the conversation (the bot is paused), so no turn was asked for.
 * `turnQueued` settles once the turn job is queued (at once when none is asked for). A channel
 * answers its webhook without waiting for it: the message is stored, which is all the provider
 * needs to know, and a turn whose job could not be queued is found by the pending-work sweep.
 */
export type Received = { conversationId: string; messageId: string; duplicate: boolean; held?: boolean; turnQueued: Promise<void> };

const NOTHING_QUEUED = Promise.resolve();

/**
 * The front door of every inbound event: store it (idempotently by channel and external id) and
 * ask a worker for the turn. A duplicate delivery stores nothing and queues nothing.
 */
@Injectable()
export class InboundIntake {
  /**
   * Webhooks arriving together are stored together: one round trip and one commit for the lot,
   * each message its own statement. One batch at a time, so messages are stored in the order they
   * arrived; nothing in a batch waits for a running turn (see `intakeFrom`), so none stalls the rest.
   * (Batches side by side, by address, were measured: smaller batches cost the server and Postgres
   * more per message than the shorter wait saved; an api process took 40 % fewer webhooks a second.)
   */
  private readonly stores = new GroupCommit<AddressedIntake, IntakeRow | undefined>(
    async (intakes) => {
      const results = await queryStatements(this.dataSource, intakes.map(intakeFrom));
      return results.map((rows) => rows[0] as IntakeRow | undefined);
    },
    { maxItems: 64, maxRunning: 1 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly turns: TurnCoordinator,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /**
   * Stores a message from an address; its contact and conversation are created on first contact,
   * in the same statement (one round trip for the common case).
   */
  async receiveFrom(intake: AddressedIntake): Promise<Received> {
    // Two people's first messages racing for one new conversation: the loser's insert found the
    // winner's row after its snapshot, stored nothing, and goes again (it then finds the row).
    const row = (await this.stores.submit(intake)) ?? (await this.stores.submit(intake));
    if (!row) throw new Error(`No conversation for ${intake.channel} address ${intake.address}: it was created and deleted at once; the channel will re-deliver.`);
    if (intake.replyAddress && row.reply_address !== intake.replyAddress) {
      // Rare (a chat that changed its id), and it waits for a turn running on the conversation:
      // a statement of its own, so that only this webhook waits, not the batch.
      await this.dataSource.query(`UPDATE conversations SET reply_address = $2 WHERE id = $1`, [row.conversation_id, intake.replyAddress]);
    }
    const reread = row.id && row.numbered_menu ? intake.reinterpret?.(row.numbered_menu) : null;
    if (reread) {
      await this.dataSource.query(`UPDATE messages SET type = $2, content = $3 WHERE id = $1`, [row.id, reread.type, JSON.stringify(reread.content)]);
    }
    if (row.held && row.id) return { conversationId: row.conversation_id, messageId: row.id, duplicate: false, held: true, turnQueued: NOTHING_QUEUED };
    return this.queued({ ...intake, conversationId: row.conversation_id }, row);
  }

  async receive(intake: Intake): Promise<Received> {
    // One round trip: the insert, and the debounce window of the flow the conversation is in.
    const stored = (await queryOne<{ id: string | null; debounce_ms: number | null }>(this.dataSource, `
      WITH stored AS (
        INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
        VALUES ($1, $2, 'in', $3, $4, $5, $6, 'received')
        ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id)
      SELECT (SELECT id FROM stored) AS id,
             (SELECT (coalesce(v.settings, f.settings) ->> 'debounceMs')::int
                FROM conversations c LEFT JOIN flows f ON f.id = c.flow_id
                LEFT JOIN flow_versions v ON v.flow_id = c.flow_id AND v.version = c.flow_version
               WHERE c.id = $2) AS debounce_ms`,
    [intake.tenantId, intake.conversationId, intake.type, JSON.stringify(intake.content), intake.channel, intake.externalId ?? null]))!;
    const received = await this.queued(intake, stored);
    await received.turnQueued;
    return received;
  }

  /** Queues the turn for a stored message, or finds the first copy of a duplicate. */
  private async queued(intake: Intake, stored: { id: string | null; debounce_ms: number | null }): Promise<Received> {
    if (!stored.id) {
      const existing = (await queryOne<{ id: string }>(this.dataSource,
        `SELECT id FROM messages WHERE tenant_id = $1 AND channel = $2 AND direction = 'in' AND external_id = $3`, [intake.tenantId, intake.channel, intake.externalId]))!;
      return { conversationId: intake.conversationId, messageId: existing.id, duplicate: true, turnQueued: NOTHING_QUEUED };
    }
    return { conversationId: intake.conversationId, messageId: stored.id, duplicate: false, turnQueued: this.requestTurn(intake.conversationId, stored.debounce_ms ?? 0) };
  }

  /**
   * A failure is logged here, so that a caller that does not wait for the request leaves no
   * unhandled rejection behind; one that waits gets the error as well. The queue's close waits for
   * the request (background work), so a stop right after the answer does not lose it.
   */
  private requestTurn(conversationId: string, delayMs: number): Promise<void> {
    const request = this.turns.requestTurns(conversationId, delayMs);
    this.queue.background(request.catch((error: unknown) => {
      logger.error({ err: error, conversationId }, 'a stored message\'s turn could not be queued: the pending-work sweep queues it within a minute');
    }));
    return request;
  }
}

/**
 * Stores a message from an address. An existing conversation is read, not upserted: an upsert
 * locks its row, and a turn running holds that lock, so the webhook would wait for the turn (the
 * message's own insert only needs the key share lock a turn leaves free). A contact keeps the name and phone it has (a tenant may have
 * corrected them); the channel fills gaps.
 */
function intakeFrom(intake: AddressedIntake): PreparedStatement {
  const contact = intake.contact;
  return {
    name: 'fluxo_intake_from',
    text: `
      WITH known AS (
        -- A returning customer whose contact already has all the channel says: nothing to write.
        SELECT coalesce(merged_into, id) AS id FROM contacts
         WHERE tenant_id = $1 AND channel = $2 AND external_id = coalesce($7, $3)
           AND (name IS NOT NULL OR $8::text IS NULL) AND (phone IS NOT NULL OR $9::text IS NULL) AND coalesce($10::text[], '{}') <@ aliases),
      upserted AS (
        INSERT INTO contacts (tenant_id, channel, external_id, name, phone, aliases)
        SELECT $1, $2, coalesce($7, $3), $8, $9, coalesce($10::text[], '{}') WHERE NOT EXISTS (SELECT 1 FROM known)
        ON CONFLICT (tenant_id, channel, external_id) DO UPDATE SET
          name = coalesce(contacts.name, EXCLUDED.name), phone = coalesce(contacts.phone, EXCLUDED.phone),
          aliases = CASE WHEN EXCLUDED.aliases <@ contacts.aliases THEN contacts.aliases
                         ELSE ARRAY(SELECT DISTINCT unnest(contacts.aliases || EXCLUDED.aliases)) END
        -- A merged identity's new conversation belongs to the contact it was merged into.
        RETURNING coalesce(merged_into, id) AS id),
      contact AS (SELECT id FROM known UNION ALL SELECT id FROM upserted),
      existing AS (
        SELECT id, flow_id, flow_version, coalesce(bot_paused_until > now(), false) AS held, numbered_menu, reply_address
          FROM conversations WHERE tenant_id = $1 AND channel = $2 AND external_key = $3),
      created AS (
        INSERT INTO conversations (tenant_id, contact_id, channel, external_key, channel_id, reply_address)
        SELECT $1, contact.id, $2, $3, $11, $12 FROM contact WHERE NOT EXISTS (SELECT 1 FROM existing)
        ON CONFLICT (tenant_id, channel, external_key) DO NOTHING
        RETURNING id, flow_id, flow_version, false AS held, numbered_menu, reply_address),
      conversation AS (SELECT * FROM existing UNION ALL SELECT * FROM created),
      stored AS (
        INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
        SELECT $1, conversation.id, 'in', $4, $5, $2, $6, CASE WHEN conversation.held THEN 'held' ELSE 'received' END FROM conversation
        ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id)
      SELECT conversation.id AS conversation_id, (SELECT id FROM stored) AS id, conversation.held, conversation.numbered_menu, conversation.reply_address,
             (SELECT (coalesce(v.settings, f.settings) ->> 'debounceMs')::int FROM flows f
                LEFT JOIN flow_versions v ON v.flow_id = f.id AND v.version = conversation.flow_version
               WHERE f.id = conversation.flow_id) AS debounce_ms
        FROM conversation`,
    values: [intake.tenantId, intake.channel, intake.address, intake.type, JSON.stringify(intake.content), intake.externalId ?? null,
      contact?.key ?? null, contact?.name ?? null, contact?.phone ?? null, contact?.aliases?.length ? contact.aliases : null,
      intake.channelId ?? null, intake.replyAddress ?? null],
  };
}
