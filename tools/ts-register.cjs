/**
 * Runs the TypeScript sources directly in a plain Node process (tests start api and worker
 * processes this way): swc compiles each file with Nest's decorator metadata, and the
 * @fluxo/* packages resolve to their sources, as in Jest. Usage: node -r ./tools/ts-register.cjs file.ts
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '..');
const aliases = {
  '@fluxo/node-sdk': join(root, 'node-library/sdk/src/index.ts'),
  '@fluxo/engine': join(root, 'node-library/engine/src/index.ts'),
  '@fluxo/nodes': join(root, 'node-library/nodes/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
