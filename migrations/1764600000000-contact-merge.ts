import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact merged into another stays as the channel identity it was (its channel and external
 * id), pointing at the contact it joined: the intake follows the pointer, so the person's next
 * conversation on that channel starts on the merged contact.
 */
export class ContactMerge1764600000000 implements MigrationInterface {
  name = 'ContactMerge1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE contacts ADD COLUMN merged_into uuid REFERENCES contacts(id) ON DELETE CASCADE;
      CREATE INDEX contacts_merged_into_idx ON contacts (merged_into) WHERE merged_into IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts DROP COLUMN merged_into`);
  }
}
