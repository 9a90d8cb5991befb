import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema, parseNodeConfig, resolvePorts } from '@fluxo/node-sdk';
import { NodeRegistry } from '@fluxo/engine';
import { builtinNodes } from '.';

/**
 * The contract every built-in node keeps: a namespaced type and a version chain, a config
 * schema that becomes a labelled JSON Schema form, a sample config that parses, and unique,
 * well-formed ports. A new node without a sample here fails this spec on purpose.
 */
const samples: Record<string, Record<string, unknown>> = {
  'fluxo.messageTrigger': { mode: 'keywords', keywords: ['oi'] },
  'fluxo.httpTrigger': { method: 'POST', path: 'pedidos/novo' },
  'fluxo.sendMessage': { kind: 'buttons', text: 'Escolha', buttons: [{ id: 'sim', title: 'Sim' }, { id: 'nao', title: 'Não' }] },
  'fluxo.askQuestion': { question: 'Seu e-mail?', answerType: 'email', variable: 'email', timeoutMinutes: 10 },
  'fluxo.condition': { conditions: { rules: [{ left: '{{ vars.total }}', operator: 'greaterThan', right: '100' }] } },
  'fluxo.switch': { value: '{{ vars.plano }}', cases: [{ id: 'ouro', label: 'Ouro', operator: 'equals', value: 'ouro' }] },
  'fluxo.setVariable': { assignments: [{ name: 'total', value: '10', type: 'number' }] },
  'fluxo.randomSplit': { branches: [{ id: 'a', label: 'A', weight: 1 }, { id: 'b', label: 'B', weight: 1 }] },
  'fluxo.businessHours': { schedule: [{ day: 'mon', open: '08:00', close: '18:00' }] },
  'fluxo.delay': { amount: 5, unit: 'minutes' },
  'fluxo.jumpToFlow': { flowId: 'flow-2' },
  'fluxo.end': {},
  'fluxo.httpResponse': { status: 200, body: '{"ok": true}' },
};

describe('built-in node contract', () => {
  it('registers without clashes and every type is fluxo-namespaced', () => {
    const registry = new NodeRegistry(builtinNodes);
    expect(registry.all()).toHaveLength(builtinNodes.length);
    for (const def of builtinNodes) expect(def.type).toMatch(/^fluxo\.[a-z][a-zA-Z]+$/);
  });

  it('has a sample config for every node (and no sample for a node that is gone)', () => {
    expect(Object.keys(samples).sort()).toEqual(builtinNodes.map((d) => d.type).sort());
  });

  it.each(builtinNodes.map((def) => [def.key, def] as const))('%s: sample config parses and ports are unique', (_key, def) => {
    const parsed = parseNodeConfig(def, samples[def.type]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const ports = resolvePorts(def, parsed.config);
    expect(new Set(ports.map((p) => p.id)).size).toBe(ports.length);
    for (const port of ports) {
      expect(port.id).toMatch(/^[A-Za-z0-9_:.-]{1,200}$/);
      expect(port.label.length).toBeGreaterThan(0);
    }
  });

  it.each(builtinNodes.map((def) => [def.key, def] as const))('%s: config is a labelled JSON Schema form', (_key, def) => {
    const schema = configJsonSchema(def) as { type: string; properties: Record<string, { title?: string }> };
    expect(schema.type).toBe('object');
    JSON.parse(JSON.stringify(schema));
    for (const [name, property] of Object.entries(schema.properties)) {
      expect([name, typeof property.title]).toEqual([name, 'string']);
    }
    expect(def.title.length).toBeGreaterThan(0);
    expect(def.description.length).toBeGreaterThan(0);
    expect(def.icon).toMatch(/^[a-z0-9-]+$/);
  });

  it('chains versions: every version after the first upgrades from the one before', () => {
    const registry = new NodeRegistry(builtinNodes);
    for (const def of registry.all()) {
      for (let version = 1; version < def.version; version++) expect(registry.get(def.type, version)).toBeDefined();
      if (def.version > 1) expect(def.upgrade?.fromVersion).toBe(def.version - 1);
    }
  });

  it('keeps each node in its own folder with a spec beside it', () => {
    const root = __dirname;
    const nodeFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? nodeFiles(path) : name.endsWith('.node.ts') ? [path] : [];
      });
    const files = nodeFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(builtinNodes.length);
    for (const file of files) {
      const specs = readdirSync(join(file, '..')).filter((name) => name.endsWith('.spec.ts'));
      expect([file, specs.length > 0]).toEqual([file, true]);
    }
  });
});
