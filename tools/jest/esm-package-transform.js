/**
 * NestJS 12 ships ES modules only. Node 20 loads them from CommonJS natively (require(esm)), but
 * Jest's own module loader does not before Node 24.9, so Jest compiles those packages to CommonJS
 * with swc, turning `import.meta.url` into its CommonJS equivalent on the way.
 */
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
});

module.exports = {
  process(source, path, options) {
    const patched = !source.includes('import.meta')
      ? source
      : source
          // ESM builds make their own `require`; CommonJS already has one.
          .replace(/const require = createRequire\(import\.meta\.url\);?/g, '')
          .replace(/import\.meta\.url/g, 'require("node:url").pathToFileURL(__filename).href');
    return swc.process(patched, path, options);
  },
  getCacheKey(source, path, options) {
    return `esm-package-v2:${swc.getCacheKey(source, path, options)}`;
  },
};
