import { z } from 'zod';
import { defineNode, InternalNodeError, next, ui, wait } from '@fluxo/node-sdk';
import type { NodeResult } from '@fluxo/node-sdk';

export type DelayUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const UNIT_MS: Record<DelayUnit, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Longer pauses belong in a scheduled flow: a conversation parked for months is a surprise. */
export const MAX_DELAY_MS = 30 * UNIT_MS.days;

/** Pauses the conversation for a while before going on. */
export const delay = defineNode({
  type: 'fluxo.delay',
  version: 1,
  title: 'Aguardar',
  description: 'Espera um tempo antes de seguir.',
  category: 'logic',
  icon: 'timer',
  config: z
    .object({
      amount: ui(z.number().positive(), { label: 'Quanto tempo', widget: 'number' }),
      unit: ui(z.enum(['seconds', 'minutes', 'hours', 'days']).default('minutes'), {
        label: 'Unidade',
        widget: 'select',
        optionLabels: { seconds: 'Segundos', minutes: 'Minutos', hours: 'Horas', days: 'Dias' },
      }),
    })
    .refine((config) => delayMs(config.amount, config.unit) <= MAX_DELAY_MS, {
      path: ['amount'],
      message: 'The delay can be at most 30 days.',
    }),
  outputs: [{ id: 'out', label: 'Depois da espera' }],
  execute(ctx) {
    const ms = delayMs(ctx.config.amount, ctx.config.unit);
    const dueAt = new Date(ctx.now().getTime() + ms).toISOString();
    return wait({ for: 'timer', delayMs: ms, state: { dueAt } });
  },
  resume(ctx, event) {
    if (event.type === 'timer') return next('out');
    // A message (or other event) woke the node early: keep waiting only for what is left.
    return waitForRest(ctx.waitState?.dueAt, ctx.now());
  },
});

export function delayMs(amount: number, unit: DelayUnit): number {
  return Math.round(amount * UNIT_MS[unit]);
}

function waitForRest(dueAt: unknown, now: Date): NodeResult {
  const dueMs = typeof dueAt === 'string' ? Date.parse(dueAt) : Number.NaN;
  if (Number.isNaN(dueMs)) {
    throw new InternalNodeError(`The delay lost its due time (wait state dueAt: ${JSON.stringify(dueAt ?? null)}).`, 'DELAY_STATE');
  }
  const remaining = dueMs - now.getTime();
  if (remaining <= 0) return next('out');
  return wait({ for: 'timer', delayMs: remaining, state: { dueAt: dueAt as string } });
}
