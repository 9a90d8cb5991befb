import { z } from 'zod';
import { defineNode, end, ui } from '@fluxo/node-sdk';

/** Ends the conversation's run of the flow, optionally saying goodbye first. */
export const endFlow = defineNode({
  type: 'fluxo.end',
  version: 1,
  title: 'Encerrar',
  description: 'Encerra o fluxo, com uma mensagem final opcional.',
  category: 'logic',
  icon: 'square',
  config: z.object({
    message: ui(z.string().max(4_096).optional(), {
      label: 'Mensagem final',
      placeholder: 'Obrigado pelo contato, {{ contact.name }}!',
      templated: true,
      multiline: true,
    }),
  }),
  outputs: [],
  execute(ctx) {
    const text = ctx.config.message?.trim();
    // A template that renders empty must not send a blank bubble.
    if (text) ctx.send({ kind: 'text', text });
    return end();
  },
});
