/**
 * One jest run for every package; sources are compiled by swc (decorators and their metadata on,
 * for Nest) and each node-library package resolves to its src.
 */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
}];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/node-library', '<rootDir>/server', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': swc,
    '/node_modules/@nestjs/.+\\.js$': '<rootDir>/tools/jest/esm-package-transform.js',
    '/node_modules/@electric-sql/pglite/.+\\.c?js$': '<rootDir>/tools/jest/esm-package-transform.js',
  },
  // Everything in node_modules runs as shipped, except the ES-module-only Nest packages and PGlite,
  // whose CommonJS build loads Node built-ins with import(), which Jest's sandbox refuses.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql/pglite)/)'],
  moduleNameMapper: {
    '^@fluxo/node-sdk$': '<rootDir>/node-library/sdk/src/index.ts',
    '^@fluxo/engine$': '<rootDir>/node-library/engine/src/index.ts',
    '^@fluxo/nodes$': '<rootDir>/node-library/nodes/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Server tests boot databases; PGlite alone takes seconds to start.
  testTimeout: 30_000,
};
