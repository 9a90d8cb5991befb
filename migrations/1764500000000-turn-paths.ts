import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hot paths of a channel turn look up, indexed; where each outbound message came from
 * (a delivery that fails for good sends its flow down the sending node's `error` port); and the
 * lease that keeps a conversation's deliveries one at a time.
 */
export class TurnPaths1764500000000 implements MigrationInterface {
  name = 'TurnPaths1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- "Is this contact new?" looks for an earlier answered message of the contact on any conversation.
      CREATE INDEX conversations_contact_idx ON conversations (contact_id);
      -- A conversation's delivery reads its pending rows in order.
      CREATE INDEX outbox_conversation_pending_idx ON outbox (conversation_id, seq) WHERE status = 'pending';
      -- One delivery at a time per conversation, across processes: a second one would send the rows
      -- the first is still sending. A lease, not a lock: a crashed worker's lapses (renewed per row).
      -- No foreign key: its key-share lock would wait for the turn holding the conversation row.
      CREATE TABLE delivery_leases (
        conversation_id uuid PRIMARY KEY,
        holder uuid NOT NULL,
        until timestamptz NOT NULL
      );
      ALTER TABLE outbox
        ADD COLUMN flow_id uuid,
        ADD COLUMN flow_version int,
        ADD COLUMN node_id text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox DROP COLUMN node_id, DROP COLUMN flow_version, DROP COLUMN flow_id;
      DROP TABLE delivery_leases;
      DROP INDEX outbox_conversation_pending_idx;
      DROP INDEX conversations_contact_idx;
    `);
  }
}
