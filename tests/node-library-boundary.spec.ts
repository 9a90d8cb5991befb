import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * node-library has no I/O of its own (ARCHITECTURE.md): it may import zod, the template library
 * and its own packages, nothing else. The eslint rule catches this while editing; this test
 * keeps it true even for files the linter is told to skip.
 */
const ROOT = join(__dirname, '..', 'node-library');
const ALLOWED = [/^zod$/, /^liquidjs$/, /^@fluxo\/(node-sdk|engine|nodes)$/, /^\.\.?\//];
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('node-library boundary', () => {
  const files = sourceFiles(ROOT);

  it('finds the library sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports only zod, liquidjs and its own packages', () => {
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
        .filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('reads no environment, real clock or randomness outside the clock adapter', () => {
    const offending = files
      .filter((file) => !file.endsWith(join('memory', 'clocks.ts')) && !file.endsWith('seeded-random.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [/process\.env/, /Date\.now\(\)/, /Math\.random\(\)/, /\bfetch\(/]
          .filter((pattern) => pattern.test(text))
          .map((pattern) => `${relative(ROOT, file)} uses ${pattern.source}`);
      });
    expect(offending).toEqual([]);
  });

  it('keeps the sdk independent of the engine and the nodes', () => {
    const sdk = files.filter((f) => f.includes(`${join('node-library', 'sdk')}`));
    const offending = sdk.filter((f) => /from ['"]@fluxo\/(engine|nodes)['"]/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
