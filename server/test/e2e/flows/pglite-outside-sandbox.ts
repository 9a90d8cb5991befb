/**
 * PGlite's CommonJS build loads Node built-ins with a native `import()`, which Jest's module
 * sandbox refuses without --experimental-vm-modules (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG).
 * A spec that boots the server on PGlite mocks the PGlite modules with these loaders: they load
 * PGlite with Node's own loader (Jest's `createRequire` would lead back into its sandbox), so its
 * imports run outside the sandbox. The team-wide fix belongs in jest.config.js (e.g. compile
 * @electric-sql's `import()` to `require()`), after which these mocks can go.
 */
type Loader = { _load(request: string, parent: null, isMain: boolean): any };

function loadOutsideSandbox(request: string): any {
  // Jest swaps `node:module` for a subclass whose statics are the real loader's.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:module') as Loader)._load(require.resolve(request), null, false);
}

/**
 * PGlite, with one realm fix: it recognises Date parameters with `instanceof Date`, and the
 * sandbox's Date is not the outside one, so dates are passed as ISO strings (which it accepts).
 */
export function pgliteModule(): any {
  const real = loadOutsideSandbox('@electric-sql/pglite');
  const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
  return {
    ...real,
    PGlite: {
      async create(...args: unknown[]) {
        const db = await real.PGlite.create(...args);
        const query = db.query.bind(db);
        db.query = (sql: string, params?: unknown[], options?: unknown) =>
          query(sql, params?.map((value) => (isDate(value) ? value.toISOString() : value)), options);
        return db;
      },
    },
  };
}

export function pgliteExtension(request: '@electric-sql/pglite/vector' | '@electric-sql/pglite/contrib/pgcrypto'): any {
  return loadOutsideSandbox(request);
}
