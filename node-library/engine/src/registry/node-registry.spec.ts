import { z } from 'zod';
import { defineNode, next } from '@fluxo/node-sdk';
import { NodeRegistry } from './node-registry';

const common = {
  type: 'acme.greet', title: 'Greet', description: '', category: 'custom' as const, icon: 'smile',
  outputs: [{ id: 'out', label: 'Next' }], execute: () => next('out'),
};
const v1 = defineNode({ ...common, version: 1, config: z.object({ text: z.string() }) });
const v2 = defineNode({
  ...common, version: 2, config: z.object({ greeting: z.string(), name: z.string() }),
  upgrade: { fromVersion: 1, upgrade: (old) => ({ greeting: (old as { text: string }).text, name: '' }) },
});
const v3 = defineNode({
  ...common, version: 3, config: z.object({ greeting: z.string(), name: z.string(), emoji: z.boolean() }),
  upgrade: { fromVersion: 2, upgrade: (old) => ({ ...(old as object), emoji: false }) },
});

describe('NodeRegistry', () => {
  it('looks definitions up by type and version and lists the latest of each type', () => {
    const registry = new NodeRegistry([v1, v3, v2]);
    expect(registry.get('acme.greet', 2)).toBe(v2);
    expect(registry.latest('acme.greet')).toBe(v3);
    expect(registry.list()).toEqual([v3]);
    expect(registry.all()).toHaveLength(3);
  });

  it('refuses to register the same type@version twice', () => {
    expect(() => new NodeRegistry([v1, v1])).toThrow(/acme.greet@1 is registered twice/);
  });

  it('upgrades a stored config through every version in the chain', () => {
    const registry = new NodeRegistry([v1, v2, v3]);
    expect(registry.upgradeConfig('acme.greet', 1, { text: 'Oi' })).toEqual({ version: 3, config: { greeting: 'Oi', name: '', emoji: false } });
    expect(registry.upgradeConfig('acme.greet', 3, { greeting: 'x', name: 'y', emoji: true }).version).toBe(3);
  });

  it('says when a version has no upgrade path', () => {
    const broken = defineNode({ ...common, version: 2, config: z.object({ text: z.string() }) });
    expect(() => new NodeRegistry([v1, broken]).upgradeConfig('acme.greet', 1, {})).toThrow(/no upgrade path from version 1 to 2/);
  });
});
