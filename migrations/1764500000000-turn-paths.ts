import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hot paths of a channel turn look up, indexed, and where each outbound message came
 * from: a delivery that fails for good sends its flow down the sending node's `error` port.
 */
export class TurnPaths1764500000000 implements MigrationInterface {
  name = 'TurnPaths1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- "Is this contact new?" looks for an earlier answered message of the contact on any conversation.
      CREATE INDEX conversations_contact_idx ON conversations (contact_id);
      -- A conversation's delivery reads its pending rows in order.
      CREATE INDEX outbox_conversation_pending_idx ON outbox (conversation_id, seq) WHERE status = 'pending';
      ALTER TABLE outbox
        ADD COLUMN flow_id uuid,
        ADD COLUMN flow_version int,
        ADD COLUMN node_id text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox DROP COLUMN node_id, DROP COLUMN flow_version, DROP COLUMN flow_id;
      DROP INDEX outbox_conversation_pending_idx;
      DROP INDEX conversations_contact_idx;
    `);
  }
}
