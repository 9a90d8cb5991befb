import { z } from 'zod';
import { ui } from '@fluxo/node-sdk';

/**
 * Button, list row and choice ids become output ports and the payload channels send back
 * (Telegram callback_data is at most 64 bytes), and saved edges point at them, so they are short
 * stable slugs rather than titles a tenant may reword.
 */
export const optionIdSchema = ui(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1-64 letters, digits, _ or -.'), {
  label: 'Id',
  help: 'Identificador da saída; mudar o id desconecta a ligação.',
});

export type OptionAtPath = { id: string; path: PropertyKey[] };

/** Reports repeated ids, and ids the node already uses for other ports, at each offending option. */
export function reportOptionIdProblems(options: readonly OptionAtPath[], reserved: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const option of options) {
    if (reserved.includes(option.id)) {
      ctx.addIssue({ code: 'custom', path: option.path, message: `"${option.id}" is reserved for another output of this node.` });
    } else if (seen.has(option.id)) {
      ctx.addIssue({ code: 'custom', path: option.path, message: `The id "${option.id}" is used twice.` });
    }
    seen.add(option.id);
  }
}
