import type { Flow } from '../flows/types';
import type { FlowGraph, NodeTypeView } from './types';

/** Node types as `GET /api/node-types` gives them (trimmed schemas of the built-in nodes). */
function view(partial: Partial<NodeTypeView> & Pick<NodeTypeView, 'type' | 'title' | 'category'>): NodeTypeView {
  return {
    version: 1,
    latest: true,
    description: '',
    icon: 'square',
    trigger: false,
    configSchema: { type: 'object', properties: {} },
    defaultConfig: {},
    ports: [{ id: 'out', label: 'Próximo' }],
    portsDependOnConfig: false,
    errorPort: false,
    credentials: [],
    ...partial,
  };
}

export const messageTriggerType = view({
  type: 'fluxo.messageTrigger',
  title: 'Mensagem recebida',
  description: 'Inicia o fluxo quando chega uma mensagem.',
  category: 'triggers',
  icon: 'message-circle',
  trigger: true,
  configSchema: {
    type: 'object',
    properties: {
      mode: { type: 'string', default: 'any', enum: ['any', 'keywords', 'regex', 'firstMessage'] },
      keywords: { type: 'array', default: [], items: { type: 'string' } },
      pattern: { type: 'string' },
      ignoreCase: { type: 'boolean', default: true },
      priority: { type: 'integer', default: 0 },
    },
  },
  ports: [{ id: 'out', label: 'Ao receber' }],
});

export const sendMessageType = view({
  type: 'fluxo.sendMessage',
  title: 'Enviar mensagem',
  description: 'Envia um texto, mídia, botões ou lista.',
  category: 'messages',
  icon: 'send',
  configSchema: { type: 'object', properties: { kind: { type: 'string', default: 'text' }, text: { type: 'string' } } },
  ports: [{ id: 'out', label: 'Enviada' }],
  portsDependOnConfig: true,
});

export const askQuestionType = view({
  type: 'fluxo.askQuestion',
  title: 'Fazer pergunta',
  description: 'Pergunta e guarda a resposta numa variável.',
  category: 'messages',
  icon: 'help-circle',
  configSchema: { type: 'object', properties: { question: { type: 'string' }, answerType: { type: 'string', default: 'text' }, maxRetries: { type: 'integer', default: 2 } } },
  ports: [
    { id: 'out', label: 'Resposta válida' },
    { id: 'invalid', label: 'Tentativas esgotadas' },
  ],
  portsDependOnConfig: true,
});

export const switchType = view({
  type: 'fluxo.switch',
  title: 'Escolha',
  description: 'Compara um valor com vários casos e segue pelo primeiro que bater.',
  category: 'logic',
  icon: 'split',
  configSchema: { type: 'object', properties: { value: { type: 'string' }, cases: { type: 'array' }, ignoreCase: { type: 'boolean', default: true } } },
  ports: [],
  portsDependOnConfig: true,
});

export const setVariableType = view({
  type: 'fluxo.setVariable',
  title: 'Definir variável',
  description: 'Guarda valores em variáveis.',
  category: 'logic',
  icon: 'variable',
  ports: [
    { id: 'out', label: 'Próximo' },
    { id: 'error', label: 'Error' },
  ],
  errorPort: true,
});

export const businessHoursType = view({
  type: 'fluxo.businessHours',
  title: 'Horário de atendimento',
  description: 'Segue por aberto ou fechado.',
  category: 'logic',
  icon: 'clock',
  ports: [
    { id: 'open', label: 'Aberto' },
    { id: 'closed', label: 'Fechado' },
  ],
});

export const nodeTypeViews = [messageTriggerType, sendMessageType, askQuestionType, switchType, setVariableType, businessHoursType];

/** The starter graph of a new flow. */
export const starterGraph = (): FlowGraph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, label: 'Início', config: { mode: 'any' } },
    { id: 'welcome', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 320, y: 0 }, config: { kind: 'text', text: 'Olá! Como posso ajudar?' } },
  ],
  edges: [{ id: 'start-welcome', source: 'start', sourcePort: 'out', target: 'welcome' }],
  variables: [],
});

export const flowWith = (graph: FlowGraph, revision = 1, extra: Partial<Flow> = {}): Flow => ({
  id: 'f1',
  name: 'Atendimento da loja',
  revision,
  publishedVersion: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  graph,
  settings: {},
  updatedBy: null,
  problems: [],
  ...extra,
});
