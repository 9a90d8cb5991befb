import { z } from 'zod';
import { defineNode, next, ui } from '@fluxo/node-sdk';
import { branchIdSchema, uniqueBranchIds } from '../branch-ids';

const branchSchema = z.object({
  id: branchIdSchema,
  label: ui(z.string().trim().min(1).max(100), { label: 'Rótulo', placeholder: 'Variante A' }),
  weight: ui(z.number().positive().max(1_000_000).default(1), {
    label: 'Peso',
    help: 'Proporção relativa: pesos 1 e 3 dão 25% e 75%.',
    widget: 'number',
  }),
});

/** Sends each conversation down one branch at random, in proportion to the weights (A/B tests). */
export const randomSplit = defineNode({
  type: 'fluxo.randomSplit',
  version: 1,
  title: 'Divisão aleatória',
  description: 'Escolhe um caminho ao acaso, conforme os pesos.',
  category: 'logic',
  icon: 'shuffle',
  config: z.object({
    branches: ui(z.array(branchSchema).min(2).max(10).superRefine(uniqueBranchIds(['error'])), {
      label: 'Caminhos',
      widget: 'list',
    }),
  }),
  outputs: (config) => config.branches.map((branch) => ({ id: branch.id, label: branch.label })),
  execute(ctx) {
    const branch = pickWeighted(ctx.config.branches, ctx.random());
    return next(branch.id, { branch: branch.id });
  },
});

/**
 * The branch whose slice of [0, total) holds `random * total`. Each branch owns the start of
 * its slice, not the end, so `random` in [0, 1) never lands outside the list.
 */
export function pickWeighted<B extends { weight: number }>(branches: readonly B[], random: number): B {
  const total = branches.reduce((sum, branch) => sum + branch.weight, 0);
  const point = random * total;
  let upper = 0;
  for (const branch of branches) {
    upper += branch.weight;
    if (point < upper) return branch;
  }
  // Floating-point sums can fall a hair short of `total`; the last branch owns that sliver.
  return branches[branches.length - 1] as B;
}
