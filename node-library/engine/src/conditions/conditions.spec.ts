import { compareValues, conditionGroupSchema, evaluateConditionGroup } from '.';
import type { ConditionOperator } from '.';

describe('compareValues', () => {
  it.each<[unknown, ConditionOperator, unknown, boolean]>([
    ['preço', 'equals', 'PRECO', true],
    ['  Olá  mundo ', 'equals', 'ola mundo', true],
    ['10', 'equals', '10.0', true],
    ['10', 'notEquals', '9', true],
    ['quero saber o preço', 'contains', 'preco', true],
    ['quero agendar', 'notContains', 'preço', true],
    ['Agendar consulta', 'startsWith', 'agendar', true],
    ['consulta.pdf', 'endsWith', '.PDF', true],
    ['10', 'greaterThan', '9', true],
    ['9', 'greaterThan', '10', false],
    ['1.234,56', 'greaterThan', '1000', true],
    ['5', 'greaterOrEqual', '5', true],
    ['4,5', 'lessThan', '5', true],
    ['5', 'lessOrEqual', '4', false],
    ['abc', 'greaterThan', '3', false],
    ['2026-05-13', 'lessThan', '2026-05-14', true],
    ['', 'isEmpty', undefined, true],
    ['   ', 'isEmpty', undefined, true],
    [undefined, 'isEmpty', undefined, true],
    [[], 'isEmpty', undefined, true],
    ['x', 'isNotEmpty', undefined, true],
    ['São Paulo', 'isOneOf', 'Rio, sao paulo, BH', true],
    ['Curitiba', 'isOneOf', 'Rio, sao paulo, BH', false],
    ['2', 'isOneOf', '["1","2"]', true],
    ['12345-678', 'matchesRegex', '^\\d{5}-\\d{3}$', true],
    ['CEP 12345678', 'matchesRegex', '^\\d{5}-\\d{3}$', false],
    ['OLA', 'matchesRegex', '^ola$', true],
  ])('%j %s %j → %s', (left, operator, right, expected) => {
    expect(compareValues(left, operator, right)).toBe(expected);
  });

  it('honours case and accent sensitivity when asked', () => {
    expect(compareValues('preço', 'equals', 'preco', { ignoreAccents: false })).toBe(false);
    expect(compareValues('Preço', 'equals', 'preço', { ignoreCase: false })).toBe(false);
    expect(compareValues('OLA', 'matchesRegex', '^ola$', { ignoreCase: false })).toBe(false);
  });

  it('refuses a catastrophic pattern instead of freezing', () => {
    expect(() => compareValues('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'matchesRegex', '(a+)+$')).toThrow(/repeats a group/);
  });
});

describe('condition groups', () => {
  const rules = [
    { left: '150', operator: 'greaterThan' as const, right: '100' },
    { left: 'ouro', operator: 'equals' as const, right: 'prata' },
  ];

  it('combines rules with all and any', () => {
    expect(evaluateConditionGroup({ combinator: 'all', rules })).toBe(false);
    expect(evaluateConditionGroup({ combinator: 'any', rules })).toBe(true);
  });

  it('validates rules: a missing right operand, a bad regex, no rules', () => {
    expect(conditionGroupSchema.safeParse({ rules: [{ left: 'x', operator: 'equals' }] }).success).toBe(false);
    expect(conditionGroupSchema.safeParse({ rules: [{ left: 'x', operator: 'matchesRegex', right: '(a+)+' }] }).success).toBe(false);
    expect(conditionGroupSchema.safeParse({ rules: [] }).success).toBe(false);
    const parsed = conditionGroupSchema.parse({ rules: [{ left: '{{ vars.x }}', operator: 'isEmpty' }] });
    expect(parsed).toEqual({ combinator: 'all', ignoreCase: true, ignoreAccents: true, rules: [{ left: '{{ vars.x }}', operator: 'isEmpty' }] });
  });
});
