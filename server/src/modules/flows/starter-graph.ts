import type { FlowGraph } from '@fluxo/engine';

export const STARTER_WELCOME_TEXT = 'Olá! 👋 Este é o seu novo fluxo. Edite esta mensagem para dizer o que o seu bot faz.';

/**
 * What a new flow starts with when the studio sends no graph: any message starts it and a welcome
 * message answers (like Typebot's start block), so the simulator replies at once and the flow is
 * publishable as it is.
 */
export function starterGraph(): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, label: 'Início', config: { mode: 'any' } },
      { id: 'welcome', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 320, y: 0 }, label: 'Boas-vindas', config: { kind: 'text', text: STARTER_WELCOME_TEXT } },
    ],
    edges: [{ id: 'start-welcome', source: 'start', sourcePort: 'out', target: 'welcome' }],
    variables: [],
  };
}
