import { createTestDatabase } from '../../../test/support/test-database';
import { queryStatements, uuidLiteral } from './sql';

describe('uuidLiteral', () => {
  it('quotes a uuid and refuses anything else', () => {
    expect(uuidLiteral('0D9F8A5E-1B2C-4D3E-8F40-5A6B7C8D9E0F')).toBe(`'0d9f8a5e-1b2c-4d3e-8f40-5a6b7c8d9e0f'::uuid`);
    for (const bad of ["x'; DROP TABLE outbox; --", '', '0d9f8a5e-1b2c-4d3e-8f40-5a6b7c8d9e0f ']) expect(() => uuidLiteral(bad)).toThrow(RangeError);
  });
});

describe.each(['pglite', 'postgres'] as const)('queryStatements on %s', (kind) => {
  it("answers each statement's rows, a later statement seeing an earlier one's write, and keeps nothing when one fails", async () => {
    const database = await createTestDatabase(kind);
    try {
      const db = database.dataSource;
      const [inserted, read] = await queryStatements(db, [`INSERT INTO tenants (name) VALUES ('one round trip') RETURNING name`, `SELECT count(*)::int AS n FROM tenants WHERE name = 'one round trip'`]);
      expect(inserted).toEqual([{ name: 'one round trip' }]);
      expect(read).toEqual([{ n: 1 }]);
      if (kind === 'postgres') {
        // One implicit transaction on Postgres: the failing second statement takes the first's insert with it.
        await expect(queryStatements(db, [`INSERT INTO tenants (name) VALUES ('rolled back')`, `SELECT 1 / 0`])).rejects.toThrow(/division by zero/);
        expect(await db.query(`SELECT 1 FROM tenants WHERE name = 'rolled back'`)).toEqual([]);
      }
    } finally {
      await database.close();
    }
  });
});
