// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * node-library is pure: everything a node touches comes through its context ports, so that it
 * runs in a unit test, in the browser and in a sandbox alike. These imports would break that.
 */
const builtinMessage = 'node-library imports no Node built-ins: it also runs in the browser and in the sandbox.';

const forbiddenInNodeLibrary = [
  { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'redis', 'pg', 'pg-*', '@electric-sql/*'], message: 'node-library has no I/O: the server adapts it (see ARCHITECTURE.md).' },
  { group: ['axios', 'undici', 'node-fetch', 'got', 'ky', 'socket.io*', 'ws'], message: 'node-library does no network I/O: use the http port on the node context.' },
  { group: ['node:*', 'fs/*'], message: builtinMessage },
];

/** Built-ins by exact name: as patterns, 'http' would also forbid a sibling folder such as './http'. */
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'worker_threads', 'cluster', 'process', 'vm']
  .map((name) => ({ name, message: builtinMessage }));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['node-library/*/src/**/*.ts'],
    ignores: ['node-library/*/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: forbiddenInNodeLibrary }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'Config reaches node-library through the context, never process.env.' },
        { name: 'fetch', message: 'Use the http port on the node context.' },
        { name: 'require', message: 'Use static imports.' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the clock port (ctx.now()).' },
        { object: 'Math', property: 'random', message: 'Use the random/id port (ctx.random()).' }],
    },
  },
  {
    // Nest resolves constructor dependencies from decorator metadata: their imports must stay values.
    files: ['server/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    files: ['server/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
