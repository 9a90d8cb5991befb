import { z } from 'zod';
import { defineNode, jump, ui } from '@fluxo/node-sdk';

/** Continues the conversation in another flow, optionally coming back when that flow ends. */
export const jumpToFlow = defineNode({
  type: 'fluxo.jumpToFlow',
  version: 1,
  title: 'Ir para fluxo',
  description: 'Continua a conversa em outro fluxo.',
  category: 'logic',
  icon: 'corner-down-right',
  config: z.object({
    flowId: ui(z.string().trim().min(1, 'Choose a flow.'), { label: 'Fluxo', widget: 'flow' }),
    returnAfter: ui(z.boolean().default(false), {
      label: 'Voltar ao terminar',
      help: 'Quando o outro fluxo termina, a conversa volta para cá e segue pela saída.',
      widget: 'toggle',
    }),
  }),
  // The engine takes `out` when the called flow ends with returnAfter set; `error` when the flow is missing.
  outputs: [{ id: 'out', label: 'Ao voltar' }],
  errorPort: true,
  execute(ctx) {
    return jump(ctx.config.flowId, { returnAfter: ctx.config.returnAfter });
  },
});
