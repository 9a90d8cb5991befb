import { z } from 'zod';
import { configJsonSchema, defineNode, ERROR_PORT, next, resolvePorts, ui } from '.';

const base = {
  version: 1, title: 'T', description: 'D', category: 'custom' as const, icon: 'box',
  config: z.object({ name: ui(z.string().min(1), { label: 'Nome', help: 'Quem', templated: true }), n: ui(z.number().default(3), { label: 'N' }) }),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: () => next('out'),
};

describe('defineNode', () => {
  it.each(['greet', 'Acme.greet', 'acme.Greet', 'acme.greet.more', 'acme greet'])('refuses the un-namespaced type %j', (type) => {
    expect(() => defineNode({ ...base, type })).toThrow(/namespaced/);
  });

  it.each([0, 1.5, -1])('refuses version %j', (version) => {
    expect(() => defineNode({ ...base, type: 'acme.greet', version })).toThrow(/integer/);
  });

  it('refuses duplicate and malformed port ids', () => {
    expect(() => defineNode({ ...base, type: 'acme.greet', outputs: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] })).toThrow(/declared twice/);
    expect(() => defineNode({ ...base, type: 'acme.greet', outputs: [{ id: 'a b', label: 'A' }] })).toThrow(/port id/);
  });

  it('refuses an upgrade from a version that is not older', () => {
    expect(() => defineNode({ ...base, type: 'acme.greet', upgrade: { fromVersion: 1, upgrade: (c) => c } })).toThrow(/fromVersion/);
  });

  it('keys definitions by type@version and adds the error port when declared', () => {
    const def = defineNode({ ...base, type: 'acme.greet', errorPort: true });
    expect(def.key).toBe('acme.greet@1');
    expect(resolvePorts(def, { name: 'x', n: 3 })).toEqual([{ id: 'out', label: 'Next' }, ERROR_PORT]);
  });

  it('derives ports from config', () => {
    const def = defineNode({
      ...base, type: 'acme.menu', config: z.object({ options: z.array(z.string()) }),
      outputs: (config) => config.options.map((o) => ({ id: o, label: o })),
    });
    expect(resolvePorts(def, { options: ['a', 'b'] }).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('exports the config as JSON Schema with UI hints for forms', () => {
    const schema = configJsonSchema(defineNode({ ...base, type: 'acme.greet' }));
    expect(schema).toMatchObject({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, title: 'Nome', description: 'Quem', 'x-fluxo': { templated: true } },
        n: { type: 'number', default: 3, title: 'N' },
      },
    });
  });
});
