import { z } from 'zod';
import { patternProblem, ui } from '@fluxo/node-sdk';
import { compareValues, conditionOperators, operatorLabels, OPERATORS_WITHOUT_RIGHT } from './compare';
import type { ConditionOperator } from './compare';

export type ConditionRule = { left: string; operator: ConditionOperator; right?: string };

/** Rules combined by `all` (and) or `any` (or); text compared without case/accents by default. */
export type ConditionGroup = {
  combinator: 'all' | 'any';
  rules: ConditionRule[];
  ignoreCase?: boolean;
  ignoreAccents?: boolean;
};

export const conditionRuleSchema = z
  .object({
    left: ui(z.string().max(2_000), { label: 'Valor', placeholder: '{{ vars.total }}', templated: true }),
    operator: ui(z.enum(conditionOperators), { label: 'Operador', widget: 'select', optionLabels: operatorLabels }),
    right: ui(z.string().max(2_000).optional(), { label: 'Comparar com', templated: true }),
  })
  .superRefine((rule, ctx) => {
    if (!OPERATORS_WITHOUT_RIGHT.includes(rule.operator) && rule.right === undefined) {
      ctx.addIssue({ code: 'custom', path: ['right'], message: `"${operatorLabels[rule.operator]}" needs a value to compare with.` });
    }
    if (rule.operator === 'matchesRegex' && rule.right !== undefined && !rule.right.includes('{{')) {
      const problem = patternProblem(rule.right);
      if (problem) ctx.addIssue({ code: 'custom', path: ['right'], message: problem });
    }
  });

export const conditionGroupSchema = ui(
  z.object({
    combinator: ui(z.enum(['all', 'any']).default('all'), { label: 'Combinar', widget: 'select', optionLabels: { all: 'Todas as regras', any: 'Qualquer regra' } }),
    rules: ui(z.array(conditionRuleSchema).min(1, 'Add at least one rule.').max(50), { label: 'Regras', widget: 'list' }),
    ignoreCase: ui(z.boolean().default(true), { label: 'Ignorar maiúsculas', widget: 'toggle' }),
    ignoreAccents: ui(z.boolean().default(true), { label: 'Ignorar acentos', help: "'preco' igual a 'preço'", widget: 'toggle' }),
  }),
  { label: 'Condições', widget: 'conditions' },
);

/** Evaluates a group whose operands are already rendered. An empty `any` is false, an empty `all` true. */
export function evaluateConditionGroup(group: ConditionGroup): boolean {
  const options = { ignoreCase: group.ignoreCase, ignoreAccents: group.ignoreAccents };
  const test = (rule: ConditionRule) => compareValues(rule.left, rule.operator, rule.right, options);
  return group.combinator === 'any' ? group.rules.some(test) : group.rules.every(test);
}
