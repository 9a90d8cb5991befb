/**
 * One jest run for every package, as two projects: the node ones (node-library, server, tests),
 * compiled by swc with Nest's decorator metadata, and the studio, in jsdom with React's JSX.
 */
const swcNode = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
}];

const swcStudio = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

const packages = {
  '^@fluxo/node-sdk$': '<rootDir>/node-library/sdk/src/index.ts',
  '^@fluxo/engine$': '<rootDir>/node-library/engine/src/index.ts',
  '^@fluxo/nodes$': '<rootDir>/node-library/nodes/src/index.ts',
};

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/node-library', '<rootDir>/server', '<rootDir>/tests', '<rootDir>/studio/e2e'],
      testMatch: ['**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': swcNode,
        '/node_modules/@nestjs/.+\\.js$': '<rootDir>/tools/jest/esm-package-transform.js',
        '/node_modules/@electric-sql/pglite/.+\\.c?js$': '<rootDir>/tools/jest/esm-package-transform.js',
      },
      // Everything in node_modules runs as shipped, except the ES-module-only Nest packages and PGlite,
      // whose CommonJS build loads Node built-ins with import(), which Jest's sandbox refuses.
      transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql/pglite)/)'],
      moduleNameMapper: packages,
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      displayName: 'studio',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/studio/src'],
      testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
      transform: { '^.+\\.tsx?$': swcStudio },
      moduleNameMapper: { ...packages, '\\.css$': '<rootDir>/tools/jest/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/studio/src/test-setup.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/e2e/'],
    },
  ],
  // Server tests boot databases; PGlite alone takes seconds to start.
  testTimeout: 30_000,
};
