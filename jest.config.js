/** One jest run for every package; sources are compiled by swc and each package is resolved to its src. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/node-library', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@fluxo/node-sdk$': '<rootDir>/node-library/sdk/src/index.ts',
    '^@fluxo/engine$': '<rootDir>/node-library/engine/src/index.ts',
    '^@fluxo/nodes$': '<rootDir>/node-library/nodes/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
