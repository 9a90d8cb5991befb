import { resolvePorts, runNode } from '@fluxo/node-sdk';
import type { ConditionRule } from '@fluxo/engine';
import { condition } from './condition.node';

const group = (rules: ConditionRule[], extra: Record<string, unknown> = {}) => ({ conditions: { rules, ...extra } });

describe('fluxo.condition', () => {
  it('declares the true and false ports', () => {
    const config = condition.config.parse(group([{ left: 'a', operator: 'isEmpty' }]));
    expect(resolvePorts(condition, config).map((p) => p.id)).toEqual(['true', 'false']);
  });

  it.each<[string, ConditionRule[], 'all' | 'any', string]>([
    ['all rules hold', [{ left: '{{ vars.total }}', operator: 'greaterThan', right: '100' }, { left: '{{ vars.plano }}', operator: 'equals', right: 'ouro' }], 'all', 'true'],
    ['one of all fails', [{ left: '{{ vars.total }}', operator: 'greaterThan', right: '100' }, { left: '{{ vars.plano }}', operator: 'equals', right: 'prata' }], 'all', 'false'],
    ['one of any holds', [{ left: '{{ vars.total }}', operator: 'lessThan', right: '100' }, { left: '{{ vars.plano }}', operator: 'equals', right: 'OURO' }], 'any', 'true'],
    ['none of any holds', [{ left: '{{ vars.total }}', operator: 'lessThan', right: '100' }, { left: '{{ vars.plano }}', operator: 'isEmpty' }], 'any', 'false'],
  ])('%s → %s', async (_name, rules, combinator, port) => {
    const run = await runNode(condition, { config: group(rules, { combinator }), vars: { total: '150', plano: 'Ouro' } });
    expect(run.error).toBeUndefined();
    expect(run.port).toBe(port);
    expect(run.outputs).toEqual({ result: port === 'true' });
  });

  it('renders templates on both sides before comparing', async () => {
    const run = await runNode(condition, {
      config: group([{ left: '{{ contact.name }}', operator: 'equals', right: '{{ vars.esperado }}' }]),
      contact: { name: 'João' },
      vars: { esperado: 'joao' },
    });
    expect(run.port).toBe('true');
  });

  it('honours case sensitivity when asked', async () => {
    const run = await runNode(condition, { config: group([{ left: 'Ouro', operator: 'equals', right: 'ouro' }], { ignoreCase: false }) });
    expect(run.port).toBe('false');
  });

  it.each([
    ['no rules', group([])],
    ['a rule without its right operand', group([{ left: 'x', operator: 'equals' }])],
    ['an unsafe literal pattern', group([{ left: 'x', operator: 'matchesRegex', right: '(a+)+' }])],
    ['an unknown operator', { conditions: { rules: [{ left: 'x', operator: 'like', right: 'y' }] } }],
  ])('refuses a config with %s', async (_name, config) => {
    const run = await runNode(condition, { config: config as never });
    expect(run.error?.kind).toBe('config');
  });

  it('refuses an unsafe pattern that only a template reveals, as a config error', async () => {
    const run = await runNode(condition, {
      config: group([{ left: 'aaaa', operator: 'matchesRegex', right: '{{ vars.pattern }}' }]),
      vars: { pattern: '(a+)+$' },
    });
    expect(run.error?.kind).toBe('config');
    expect(run.error?.code).toBe('CONDITION_PATTERN');
  });

  it('uses a safe pattern that comes from a template', async () => {
    const run = await runNode(condition, {
      config: group([{ left: '{{ message.text }}', operator: 'matchesRegex', right: '{{ vars.pattern }}' }]),
      message: '01001-000',
      vars: { pattern: '^\\d{5}-?\\d{3}$' },
    });
    expect(run.port).toBe('true');
  });
});
