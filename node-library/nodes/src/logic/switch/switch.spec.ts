import { resolvePorts, runNode } from '@fluxo/node-sdk';
import { switchNode } from './switch.node';

type Case = { id: string; label: string; operator?: string; value: string };

const plans: Case[] = [
  { id: 'gold', label: 'Ouro', value: 'ouro' },
  { id: 'silver', label: 'Prata', value: 'prata' },
];

const config = (value: string, cases: Case[] = plans, extra: Record<string, unknown> = {}) => ({ value, cases, ...extra }) as never;

describe('fluxo.switch', () => {
  it('derives one port per case plus default', () => {
    const parsed = switchNode.config.parse(config('x'));
    expect(resolvePorts(switchNode, parsed)).toEqual([
      { id: 'gold', label: 'Ouro' },
      { id: 'silver', label: 'Prata' },
      { id: 'default', label: 'Nenhum caso' },
    ]);
  });

  it.each([
    ['OURO', 'gold'],
    ['Prata', 'silver'],
    ['bronze', 'default'],
  ])('value %j → %s', async (value, port) => {
    const run = await runNode(switchNode, { config: config('{{ vars.plano }}'), vars: { plano: value } });
    expect(run.port).toBe(port);
    expect(run.outputs).toEqual({ matchedCase: port === 'default' ? null : port, value });
  });

  it('takes the first matching case', async () => {
    const cases: Case[] = [
      { id: 'big', label: 'Grande', operator: 'greaterThan', value: '100' },
      { id: 'huge', label: 'Enorme', operator: 'greaterThan', value: '1000' },
    ];
    expect((await runNode(switchNode, { config: config('5000', cases) })).port).toBe('big');
  });

  it.each<[string, string, string, boolean]>([
    ['quero saber o preço', 'contains', 'preco', true],
    ['10', 'greaterThan', '9', true],
    ['9', 'greaterOrEqual', '10', false],
    ['Curitiba', 'isOneOf', 'Rio, Curitiba', true],
    ['12345-678', 'matchesRegex', '^\\d{5}-\\d{3}$', true],
    ['agendar consulta', 'startsWith', 'Agendar', true],
  ])('%j %s %j → %s', async (value, operator, caseValue, matches) => {
    const run = await runNode(switchNode, { config: config(value, [{ id: 'hit', label: 'Hit', operator, value: caseValue }]) });
    expect(run.port).toBe(matches ? 'hit' : 'default');
  });

  it('renders templated case values', async () => {
    const run = await runNode(switchNode, {
      config: config('{{ message.text }}', [{ id: 'same', label: 'Igual', value: '{{ vars.codigo }}' }]),
      message: 'ABC',
      vars: { codigo: 'abc' },
    });
    expect(run.port).toBe('same');
  });

  it('compares case and accents exactly when asked', async () => {
    const exactAccents = await runNode(switchNode, { config: config('preço', [{ id: 'p', label: 'P', value: 'preco' }], { ignoreAccents: false }) });
    expect(exactAccents.port).toBe('default');
    const exactCase = await runNode(switchNode, { config: config('Ouro', plans, { ignoreCase: false }) });
    expect(exactCase.port).toBe('default');
    const loose = await runNode(switchNode, { config: config('PREÇO', [{ id: 'p', label: 'P', value: 'preco' }]) });
    expect(loose.port).toBe('p');
  });

  it.each<[string, unknown]>([
    ['no cases', { value: 'x', cases: [] }],
    ['21 cases', { value: 'x', cases: Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, value: `${i}` })) }],
    ['a repeated id', { value: 'x', cases: [{ id: 'a', label: 'A', value: '1' }, { id: 'a', label: 'B', value: '2' }] }],
    ['a case named default', { value: 'x', cases: [{ id: 'default', label: 'D', value: '1' }] }],
    ['an id with spaces', { value: 'x', cases: [{ id: 'a b', label: 'A', value: '1' }] }],
    ['an empty label', { value: 'x', cases: [{ id: 'a', label: ' ', value: '1' }] }],
    ['an operator without a right operand', { value: 'x', cases: [{ id: 'a', label: 'A', operator: 'isEmpty', value: '' }] }],
    ['an unsafe literal pattern', { value: 'x', cases: [{ id: 'a', label: 'A', operator: 'matchesRegex', value: '(a+)+' }] }],
  ])('refuses a config with %s', async (_name, bad) => {
    const run = await runNode(switchNode, { config: bad as never });
    expect(run.error?.kind).toBe('config');
  });

  it('accepts 20 cases', () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, value: `${i}` }));
    expect(switchNode.config.safeParse({ value: 'x', cases }).success).toBe(true);
  });

  it('refuses an unsafe pattern that only a template reveals, as a config error', async () => {
    const run = await runNode(switchNode, {
      config: config('aaaa', [{ id: 'a', label: 'A', operator: 'matchesRegex', value: '{{ vars.p }}' }]),
      vars: { p: '(a+)+$' },
    });
    expect(run.error?.kind).toBe('config');
    expect(run.error?.code).toBe('SWITCH_PATTERN');
  });
});
