import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who last saved a flow's draft (so a stale save can say "Ana saved it at 14:02"), and published
 * versions made immutable by the database itself: a version is what conversations are pinned to,
 * so no code path, old or new, may rewrite one (deleting the flow still deletes its versions).
 */
export class FlowAuthorship1764200000000 implements MigrationInterface {
  name = 'FlowAuthorship1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE flows ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await db.query(`
      CREATE FUNCTION flow_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'flow versions are immutable: publish a new version instead';
      END $$;
    `);
    await db.query(`CREATE TRIGGER flow_versions_immutable BEFORE UPDATE ON flow_versions FOR EACH ROW EXECUTE FUNCTION flow_versions_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS flow_versions_immutable ON flow_versions`);
    await db.query(`DROP FUNCTION IF EXISTS flow_versions_immutable()`);
    await db.query(`ALTER TABLE flows DROP COLUMN IF EXISTS updated_by`);
  }
}
