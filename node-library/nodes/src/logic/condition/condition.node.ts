import { z } from 'zod';
import { defineNode, next, NodeConfigError, patternProblem } from '@fluxo/node-sdk';
import { conditionGroupSchema, evaluateConditionGroup } from '@fluxo/engine';
import type { ConditionGroup } from '@fluxo/engine';

/** Splits the flow in two by structured rules (operand, operator, operand; all/any). */
export const condition = defineNode({
  type: 'fluxo.condition',
  version: 1,
  title: 'Condição',
  description: 'Segue por "verdadeiro" ou "falso" conforme as regras.',
  category: 'logic',
  icon: 'git-branch',
  config: z.object({
    conditions: conditionGroupSchema,
  }),
  outputs: [
    { id: 'true', label: 'Verdadeiro' },
    { id: 'false', label: 'Falso' },
  ],
  execute(ctx) {
    assertRenderedPatternsAreSafe(ctx.config.conditions);
    const result = evaluateConditionGroup(ctx.config.conditions);
    return next(result ? 'true' : 'false', { result });
  },
});

/**
 * The schema checks patterns written literally; a pattern that comes from a template is only
 * known now. Checking it here makes an unsafe one a config error (fix the flow) rather than
 * an internal one.
 */
function assertRenderedPatternsAreSafe(group: ConditionGroup): void {
  for (const rule of group.rules) {
    if (rule.operator !== 'matchesRegex') continue;
    const problem = patternProblem(rule.right ?? '');
    if (problem) throw new NodeConfigError(`Condition pattern "${rule.right ?? ''}": ${problem}`, 'CONDITION_PATTERN');
  }
}
