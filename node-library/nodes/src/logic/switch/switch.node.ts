import { z } from 'zod';
import { defineNode, next, NodeConfigError, patternProblem, ui } from '@fluxo/node-sdk';
import { compareValues, conditionOperators, operatorLabels, OPERATORS_WITHOUT_RIGHT } from '@fluxo/engine';
import type { ConditionOperator } from '@fluxo/engine';
import { branchIdSchema, uniqueBranchIds } from '../branch-ids';

/** Every case compares the switch value with its own operand, so operators without one are out. */
export type SwitchOperator = Exclude<ConditionOperator, 'isEmpty' | 'isNotEmpty'>;

export const switchOperators = conditionOperators.filter(
  (operator): operator is SwitchOperator => !OPERATORS_WITHOUT_RIGHT.includes(operator),
);

const DEFAULT_PORT = 'default';

const caseSchema = z
  .object({
    id: branchIdSchema,
    label: ui(z.string().trim().min(1).max(100), { label: 'Rótulo', placeholder: 'Plano ouro' }),
    operator: ui(z.enum(switchOperators).default('equals'), { label: 'Operador', widget: 'select', optionLabels: operatorLabels }),
    value: ui(z.string().max(2_000), { label: 'Valor do caso', placeholder: 'ouro', templated: true }),
  })
  .superRefine((item, ctx) => {
    // A templated pattern is only known after rendering; execute checks that one.
    if (item.operator !== 'matchesRegex' || item.value.includes('{{')) return;
    const problem = patternProblem(item.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

/** Sends the flow down the first case whose comparison with the value holds, else `default`. */
export const switchNode = defineNode({
  type: 'fluxo.switch',
  version: 1,
  title: 'Escolha',
  description: 'Compara um valor com vários casos e segue pelo primeiro que bater.',
  category: 'logic',
  icon: 'split',
  config: z.object({
    value: ui(z.string().max(2_000), { label: 'Valor', placeholder: '{{ vars.plano }}', templated: true }),
    cases: ui(z.array(caseSchema).min(1).max(20).superRefine(uniqueBranchIds([DEFAULT_PORT, 'error'])), {
      label: 'Casos',
      help: 'Verificados em ordem; vale o primeiro que bater.',
      widget: 'list',
    }),
    ignoreCase: ui(z.boolean().default(true), { label: 'Ignorar maiúsculas', widget: 'toggle' }),
    ignoreAccents: ui(z.boolean().default(true), { label: 'Ignorar acentos', help: "'preco' igual a 'preço'", widget: 'toggle' }),
  }),
  outputs: (config) => [
    ...config.cases.map((item) => ({ id: item.id, label: item.label })),
    { id: DEFAULT_PORT, label: 'Nenhum caso' },
  ],
  execute(ctx) {
    const { value, cases, ignoreCase, ignoreAccents } = ctx.config;
    for (const item of cases) {
      if (item.operator === 'matchesRegex') {
        const problem = patternProblem(item.value);
        if (problem) throw new NodeConfigError(`Case "${item.label}": ${problem}`, 'SWITCH_PATTERN');
      }
      if (compareValues(value, item.operator, item.value, { ignoreCase, ignoreAccents })) {
        return next(item.id, { matchedCase: item.id, value });
      }
    }
    return next(DEFAULT_PORT, { matchedCase: null, value });
  },
});
