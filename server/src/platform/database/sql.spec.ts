import { createTestDatabase } from '../../../test/support/test-database';
import { queryStatements, sqlLiteral } from './sql';

describe('sqlLiteral', () => {
  it('writes values as node-postgres would send them, escaped', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral("it's")).toBe(`'it''s'`);
    expect(sqlLiteral('a\\b')).toBe(` E'a\\\\b'`);
    expect(sqlLiteral(42)).toBe(`'42'`);
    expect(sqlLiteral(['a', 'b c'])).toBe(`'{"a","b c"}'`);
    expect(() => sqlLiteral(Buffer.from('x'))).toThrow(TypeError);
  });
});

describe.each(['pglite', 'postgres'] as const)('queryStatements on %s', (kind) => {
  it('runs prepared statements among plain ones, their values as literals of any shape, each prepared once per connection', async () => {
    const database = await createTestDatabase(kind);
    try {
      const db = database.dataSource;
      const tricky = `O'Brien \\ "quoted" ; DROP TABLE tenants; --`;
      const echo = (name: string) => ({ name: 'fluxo_test_echo', text: `SELECT $1::text AS name, $2::jsonb AS doc, $3::text[] AS tags, $4::int AS n, $5::text AS nothing`,
        values: [name, JSON.stringify({ say: tricky }), [tricky, 'b'], 7, null] });
      for (let round = 0; round < 2; round++) {
        const [, echoed, counted] = await queryStatements(db, ['SELECT 1', echo(tricky), `SELECT count(*)::int AS n FROM tenants`]);
        expect(echoed).toEqual([{ name: tricky, doc: { say: tricky }, tags: [tricky, 'b'], n: 7, nothing: null }]);
        expect(counted).toHaveLength(1);
      }
      if (kind === 'postgres') {
        const runner = db.createQueryRunner();
        try {
          await queryStatements(runner.manager, [echo('a'), echo('b')]);
          expect(await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'fluxo_test_echo'`)).toEqual([{ n: 1 }]);
        } finally {
          await runner.release();
        }
      }
    } finally {
      await database.close();
    }
  });

  it("answers each statement's rows, a later statement seeing an earlier one's write, and keeps nothing when one fails", async () => {
    const database = await createTestDatabase(kind);
    try {
      const db = database.dataSource;
      const [inserted, read] = await queryStatements(db, [`INSERT INTO tenants (name) VALUES ('one round trip') RETURNING name`, `SELECT count(*)::int AS n FROM tenants WHERE name = 'one round trip'`]);
      expect(inserted).toEqual([{ name: 'one round trip' }]);
      expect(read).toEqual([{ n: 1 }]);
      // One transaction: the failing second statement takes the first's insert with it.
      await expect(queryStatements(db, [`INSERT INTO tenants (name) VALUES ('rolled back')`, `SELECT 1 / 0`])).rejects.toThrow(/division by zero/);
      expect(await db.query(`SELECT 1 FROM tenants WHERE name = 'rolled back'`)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
