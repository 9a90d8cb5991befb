import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a contact was first answered (a turn took one of their messages): "is this contact new?"
 * reads it instead of looking for such a message among the contact's messages, which grew with
 * every message of a long conversation (a generic plan's bitmap scan read all of them each turn).
 */
export class ContactAnswered1764700000000 implements MigrationInterface {
  name = 'ContactAnswered1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts ADD COLUMN answered_at timestamptz`);
    await db.query(`
      UPDATE contacts k SET answered_at = first.at
        FROM (SELECT c.contact_id, min(m.created_at) AS at
                FROM conversations c JOIN messages m ON m.conversation_id = c.id
               WHERE m.direction = 'in' AND m.status = 'processed'
               GROUP BY c.contact_id) first
       WHERE first.contact_id = k.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts DROP COLUMN answered_at`);
  }
}
