import { z } from 'zod';
import { ui } from '@fluxo/node-sdk';

/**
 * Switch cases and random-split branches become output ports, and edges in saved flows point
 * at them by id, so ids are short, stable slugs rather than labels a tenant may reword.
 */
export const branchIdSchema = ui(
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1-64 letters, digits, _ or -.'),
  { label: 'Id', help: 'Identificador da saída; mudar o id desconecta a ligação.' },
);

/** Refuses repeated ids and ids the node already uses for its own ports. */
export function uniqueBranchIds(reserved: readonly string[]) {
  return (branches: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    branches.forEach((branch, index) => {
      if (reserved.includes(branch.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${branch.id}" is reserved for another output of this node.` });
      } else if (seen.has(branch.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `The id "${branch.id}" is used twice.` });
      }
      seen.add(branch.id);
    });
  };
}
