import { runNode } from '@fluxo/node-sdk';
import type { JsonValue } from '@fluxo/node-sdk';
import { setVariable } from './set-variable.node';

type Assignment = { name: string; value: string; scope?: 'flow' | 'contact'; type?: 'string' | 'number' | 'boolean' | 'json' };

const assign = (...assignments: Assignment[]) => ({ assignments });

describe('fluxo.setVariable', () => {
  it.each<[Assignment['type'], string, JsonValue]>([
    ['string', ' 42 ', ' 42 '],
    ['number', '42', 42],
    ['number', '1.234,56', 1234.56],
    ['number', 'R$ 19,90', 19.9],
    ['number', '-3', -3],
    ['boolean', 'true', true],
    ['boolean', 'SIM', true],
    ['boolean', 'yes', true],
    ['boolean', '1', true],
    ['boolean', ' False ', false],
    ['boolean', 'Não', false],
    ['boolean', 'nao', false],
    ['boolean', 'no', false],
    ['boolean', '0', false],
    ['json', '{"a": [1, "b"]}', { a: [1, 'b'] }],
    ['json', '[1,2]', [1, 2]],
    ['json', 'null', null],
  ])('converts %s %j → %j', async (type, value, expected) => {
    const run = await runNode(setVariable, { config: assign({ name: 'x', value, type }) });
    expect(run.error).toBeUndefined();
    expect(run.vars).toEqual({ x: expected });
    expect(run.outputs).toEqual({ values: { x: expected } });
  });

  it('stores text by default', async () => {
    const run = await runNode(setVariable, { config: assign({ name: 'x', value: '007' }) });
    expect(run.vars.x).toBe('007');
  });

  it.each<[Assignment['type'], string]>([
    ['number', 'abc'],
    ['number', ''],
    ['number', '12a'],
    ['boolean', 'talvez'],
    ['boolean', ''],
    ['json', '{bad'],
    ['json', ''],
  ])('refuses %s %j with a config error naming the variable and the value', async (type, value) => {
    const run = await runNode(setVariable, { config: assign({ name: 'idade', value, type }) });
    expect(run.error?.kind).toBe('config');
    expect(run.error?.message).toContain('"idade"');
    expect(run.error?.message).toContain(`"${value}"`);
  });

  it('sets nothing when any value fails to convert', async () => {
    const run = await runNode(setVariable, {
      config: assign({ name: 'ok', value: 'fine' }, { name: 'idade', value: 'abc', type: 'number' }),
    });
    expect(run.error?.kind).toBe('config');
    expect(run.varChanges).toEqual([]);
  });

  it('renders templated values and writes to the chosen scope', async () => {
    const run = await runNode(setVariable, {
      config: assign(
        { name: 'plano', value: '{{ message.text }}' },
        { name: 'total', value: '{{ vars.preco }}', type: 'number' },
        { name: 'cidade', value: '{{ vars.cidade }}', scope: 'contact' },
      ),
      message: 'Ouro',
      vars: { preco: '99,90', cidade: 'Recife' },
    });
    expect(run.vars).toEqual({ preco: '99,90', cidade: 'Recife', plano: 'Ouro', total: 99.9 });
    expect(run.contactFields).toEqual({ cidade: 'Recife' });
    expect(run.varChanges).toEqual([
      { scope: 'flow', name: 'plano', from: null, to: 'Ouro' },
      { scope: 'flow', name: 'total', from: null, to: 99.9 },
      { scope: 'contact', name: 'cidade', from: null, to: 'Recife' },
    ]);
    expect(run.outputs).toEqual({ values: { plano: 'Ouro', total: 99.9, cidade: 'Recife' } });
  });

  it.each<[string, unknown]>([
    ['no assignments', { assignments: [] }],
    ['51 assignments', { assignments: Array.from({ length: 51 }, (_, i) => ({ name: `v${i}`, value: '' })) }],
    ['a name starting with a digit', assign({ name: '1abc', value: '' })],
    ['a name with a dash', assign({ name: 'a-b', value: '' })],
    ['a 65-character name', assign({ name: 'a'.repeat(65), value: '' })],
    ['an unknown scope', { assignments: [{ name: 'a', value: '', scope: 'global' }] }],
    ['an unknown type', { assignments: [{ name: 'a', value: '', type: 'date' }] }],
  ])('refuses a config with %s', async (_name, config) => {
    const run = await runNode(setVariable, { config: config as never });
    expect(run.error?.kind).toBe('config');
  });

  it('accepts a 64-character name and 50 assignments', () => {
    expect(setVariable.config.safeParse(assign({ name: `_${'a'.repeat(63)}`, value: '' })).success).toBe(true);
    expect(setVariable.config.safeParse({ assignments: Array.from({ length: 50 }, (_, i) => ({ name: `v${i}`, value: '' })) }).success).toBe(true);
  });
});
