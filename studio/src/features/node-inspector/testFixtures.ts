/**
 * Node types as `GET /api/node-types` serves them: the config schemas the built-in nodes generate
 * today (node-library/nodes, with their `visibleWhen` hints), for the inspector's tests.
 */
import type { NodeTypeView } from '../flow-editor/types';

type ViewInput = Pick<NodeTypeView, 'type' | 'title' | 'description' | 'category' | 'icon' | 'configSchema' | 'ports'> & Partial<NodeTypeView>;

const view = (input: ViewInput): NodeTypeView => ({
  version: 1,
  latest: true,
  trigger: false,
  defaultConfig: {},
  portsDependOnConfig: false,
  errorPort: false,
  credentials: [],
  ...input,
});

export const sendMessageView = view({
  type: 'fluxo.sendMessage',
  title: 'Enviar mensagem',
  description: 'Envia texto, mídia, botões ou lista. Com botões ou lista, cada opção é uma saída.',
  category: 'messages',
  icon: 'send',
  portsDependOnConfig: true,
  ports: [{ id: 'out', label: 'Enviada' }],
  configSchema: {
    type: 'object',
    properties: {
      kind: {
        default: 'text',
        title: 'Tipo',
        'x-fluxo': { widget: 'select', optionLabels: { text: 'Texto', media: 'Mídia', buttons: 'Botões', list: 'Lista' } },
        type: 'string',
        enum: ['text', 'media', 'buttons', 'list'],
      },
      text: {
        title: 'Mensagem',
        'x-fluxo': {
          placeholder: 'Olá {{ contact.name }}! Como posso ajudar?',
          templated: true,
          multiline: true,
          widget: 'textarea',
          visibleWhen: { field: 'kind', in: ['text', 'buttons', 'list'] },
        },
        type: 'string',
        maxLength: 4096,
      },
      media: {
        title: 'Mídia',
        'x-fluxo': { visibleWhen: { field: 'kind', in: ['media'] } },
        type: 'object',
        properties: {
          mediaType: {
            type: 'string',
            enum: ['image', 'video', 'audio', 'voice', 'document'],
            title: 'Tipo de mídia',
            'x-fluxo': {
              widget: 'select',
              optionLabels: { image: 'Imagem', video: 'Vídeo', audio: 'Áudio', voice: 'Mensagem de voz', document: 'Documento' },
            },
          },
          url: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
            title: 'URL',
            'x-fluxo': { placeholder: 'https://exemplo.com/cardapio.pdf', templated: true },
          },
          caption: { title: 'Legenda', 'x-fluxo': { templated: true, multiline: true }, type: 'string', maxLength: 1024 },
          fileName: {
            title: 'Nome do arquivo',
            'x-fluxo': { placeholder: 'cardapio.pdf', templated: true },
            type: 'string',
            maxLength: 255,
          },
        },
        required: ['mediaType', 'url'],
      },
      buttons: {
        title: 'Botões',
        description: 'Cada botão é uma saída. Até 3 aparecem como botões no WhatsApp; mais viram lista.',
        'x-fluxo': { widget: 'list', visibleWhen: { field: 'kind', in: ['buttons'] } },
        maxItems: 10,
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]{1,64}$',
              title: 'Id',
              description: 'Identificador da saída; mudar o id desconecta a ligação.',
              'x-fluxo': {},
            },
            title: {
              type: 'string',
              minLength: 1,
              maxLength: 60,
              title: 'Texto do botão',
              description: 'Até 20 caracteres para aparecer como botão no WhatsApp; mais longo vira lista numerada.',
              'x-fluxo': { templated: true },
            },
          },
          required: ['id', 'title'],
        },
      },
      list: {
        title: 'Lista',
        description: 'Cada opção é uma saída.',
        'x-fluxo': { visibleWhen: { field: 'kind', in: ['list'] } },
        type: 'object',
        properties: {
          buttonLabel: {
            default: 'Ver opções',
            title: 'Texto do botão da lista',
            'x-fluxo': { templated: true },
            type: 'string',
            minLength: 1,
            maxLength: 20,
          },
          sections: {
            minItems: 1,
            maxItems: 10,
            type: 'array',
            items: {
              type: 'object',
              properties: {
                title: { title: 'Título da seção', 'x-fluxo': { templated: true }, type: 'string', maxLength: 24 },
                rows: {
                  minItems: 1,
                  maxItems: 10,
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: {
                        type: 'string',
                        pattern: '^[A-Za-z0-9_-]{1,64}$',
                        title: 'Id',
                        description: 'Identificador da saída; mudar o id desconecta a ligação.',
                        'x-fluxo': {},
                      },
                      title: {
                        type: 'string',
                        minLength: 1,
                        maxLength: 72,
                        title: 'Opção',
                        description: 'Até 24 caracteres cabem numa lista do WhatsApp.',
                        'x-fluxo': { templated: true },
                      },
                      description: { title: 'Descrição', 'x-fluxo': { templated: true }, type: 'string', maxLength: 72 },
                    },
                    required: ['id', 'title'],
                  },
                  title: 'Opções',
                  'x-fluxo': { widget: 'list' },
                },
              },
              required: ['rows'],
            },
            title: 'Seções',
            'x-fluxo': { widget: 'list' },
          },
        },
        required: ['sections'],
      },
      header: {
        title: 'Cabeçalho',
        description: 'Para botões e listas.',
        'x-fluxo': { templated: true, visibleWhen: { field: 'kind', in: ['buttons', 'list'] } },
        type: 'string',
        maxLength: 60,
      },
      footer: {
        title: 'Rodapé',
        description: 'Para botões e listas.',
        'x-fluxo': { templated: true, visibleWhen: { field: 'kind', in: ['buttons', 'list'] } },
        type: 'string',
        maxLength: 60,
      },
      typingMs: {
        title: 'Mostrar "digitando…" (ms)',
        description: 'Mostra o indicador de digitação antes da mensagem, onde o canal permite.',
        'x-fluxo': { widget: 'number' },
        type: 'integer',
        exclusiveMinimum: 0,
        maximum: 10000,
      },
    },
  },
});

export const askQuestionView = view({
  type: 'fluxo.askQuestion',
  title: 'Fazer pergunta',
  description: 'Pergunta, valida a resposta (texto, número, e-mail, telefone, data ou opção) e guarda numa variável.',
  category: 'messages',
  icon: 'help-circle',
  portsDependOnConfig: true,
  ports: [{ id: 'out', label: 'Resposta válida' }, { id: 'invalid', label: 'Tentativas esgotadas' }],
  configSchema: {
    type: 'object',
    properties: {
      question: {
        type: 'string',
        minLength: 1,
        maxLength: 4096,
        title: 'Pergunta',
        'x-fluxo': {
          placeholder: 'Olá {{ contact.name }}! Qual é o seu e-mail?',
          templated: true,
          multiline: true,
          widget: 'textarea',
        },
      },
      answerType: {
        default: 'text',
        title: 'Tipo de resposta',
        'x-fluxo': {
          widget: 'select',
          optionLabels: {
            text: 'Texto',
            number: 'Número',
            email: 'E-mail',
            phone: 'Telefone',
            date: 'Data',
            choice: 'Escolha entre opções',
          },
        },
        type: 'string',
        enum: ['text', 'number', 'email', 'phone', 'date', 'choice'],
      },
      choices: {
        title: 'Opções',
        description: 'Cada opção é uma saída. Até 10 vão como botões; mais, como lista.',
        'x-fluxo': { widget: 'list', visibleWhen: { field: 'answerType', in: ['choice'] } },
        maxItems: 30,
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]{1,64}$',
              title: 'Id',
              description: 'Identificador da saída; mudar o id desconecta a ligação.',
              'x-fluxo': {},
            },
            title: {
              type: 'string',
              minLength: 1,
              maxLength: 60,
              title: 'Opção',
              description: 'Até 20 caracteres para aparecer como botão no WhatsApp.',
              'x-fluxo': { templated: true },
            },
          },
          required: ['id', 'title'],
        },
      },
      variable: {
        type: 'string',
        pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
        title: 'Guardar resposta em',
        'x-fluxo': { placeholder: 'email', widget: 'variable' },
      },
      variableScope: {
        default: 'flow',
        title: 'Escopo',
        'x-fluxo': { widget: 'select', optionLabels: { flow: 'Desta conversa', contact: 'Do contato (permanente)' } },
        type: 'string',
        enum: ['flow', 'contact'],
      },
      min: {
        title: 'Mínimo',
        description: 'Para respostas numéricas.',
        'x-fluxo': { widget: 'number', visibleWhen: { field: 'answerType', in: ['number'] } },
        type: 'number',
      },
      max: {
        title: 'Máximo',
        description: 'Para respostas numéricas.',
        'x-fluxo': { widget: 'number', visibleWhen: { field: 'answerType', in: ['number'] } },
        type: 'number',
      },
      minLength: {
        title: 'Mínimo de caracteres',
        description: 'Para respostas de texto.',
        'x-fluxo': { widget: 'number', visibleWhen: { field: 'answerType', in: ['text'] } },
        type: 'integer',
        minimum: 0,
        maximum: 4096,
      },
      maxLength: {
        title: 'Máximo de caracteres',
        description: 'Para respostas de texto.',
        'x-fluxo': { widget: 'number', visibleWhen: { field: 'answerType', in: ['text'] } },
        type: 'integer',
        minimum: 1,
        maximum: 4096,
      },
      retryMessage: {
        title: 'Mensagem de nova tentativa',
        description: 'Enviada quando a resposta não serve. Sem ela, uma mensagem padrão conforme o tipo.',
        'x-fluxo': { placeholder: 'Por favor, informe um e-mail válido.', templated: true, multiline: true },
        type: 'string',
        maxLength: 1000,
      },
      maxRetries: {
        default: 2,
        title: 'Novas tentativas',
        description: 'Quantas vezes perguntar de novo antes de seguir por "Tentativas esgotadas".',
        'x-fluxo': { widget: 'number' },
        type: 'integer',
        minimum: 0,
        maximum: 10,
      },
      timeoutMinutes: {
        title: 'Tempo para responder (minutos)',
        description: 'Sem resposta nesse tempo, segue por "Sem resposta".',
        'x-fluxo': { widget: 'number' },
        type: 'number',
        exclusiveMinimum: 0,
        maximum: 43200,
      },
    },
    required: ['question', 'variable'],
  },
});

export const switchView = view({
  type: 'fluxo.switch',
  title: 'Escolha',
  description: 'Compara um valor com vários casos e segue pelo primeiro que bater.',
  category: 'logic',
  icon: 'split',
  portsDependOnConfig: true,
  ports: [],
  configSchema: {
    type: 'object',
    properties: {
      value: {
        type: 'string',
        maxLength: 2000,
        title: 'Valor',
        'x-fluxo': { placeholder: '{{ vars.plano }}', templated: true },
      },
      cases: {
        minItems: 1,
        maxItems: 20,
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]{1,64}$',
              title: 'Id',
              description: 'Identificador da saída; mudar o id desconecta a ligação.',
              'x-fluxo': {},
            },
            label: { type: 'string', minLength: 1, maxLength: 100, title: 'Rótulo', 'x-fluxo': { placeholder: 'Plano ouro' } },
            operator: {
              default: 'equals',
              title: 'Operador',
              'x-fluxo': {
                widget: 'select',
                optionLabels: {
                  equals: 'é igual a',
                  notEquals: 'é diferente de',
                  contains: 'contém',
                  notContains: 'não contém',
                  startsWith: 'começa com',
                  endsWith: 'termina com',
                  matchesRegex: 'corresponde à expressão',
                  greaterThan: 'é maior que',
                  greaterOrEqual: 'é maior ou igual a',
                  lessThan: 'é menor que',
                  lessOrEqual: 'é menor ou igual a',
                  isEmpty: 'está vazio',
                  isNotEmpty: 'não está vazio',
                  isOneOf: 'é um de',
                },
              },
              type: 'string',
              enum: [
                'equals',
                'notEquals',
                'contains',
                'notContains',
                'startsWith',
                'endsWith',
                'matchesRegex',
                'greaterThan',
                'greaterOrEqual',
                'lessThan',
                'lessOrEqual',
                'isOneOf',
              ],
            },
            value: {
              type: 'string',
              maxLength: 2000,
              title: 'Valor do caso',
              'x-fluxo': { placeholder: 'ouro', templated: true },
            },
          },
          required: ['id', 'label', 'value'],
        },
        title: 'Casos',
        description: 'Verificados em ordem; vale o primeiro que bater.',
        'x-fluxo': { widget: 'list' },
      },
      ignoreCase: { default: true, title: 'Ignorar maiúsculas', 'x-fluxo': { widget: 'toggle' }, type: 'boolean' },
      ignoreAccents: {
        default: true,
        title: 'Ignorar acentos',
        description: '\'preco\' igual a \'preço\'',
        'x-fluxo': { widget: 'toggle' },
        type: 'boolean',
      },
    },
    required: ['value', 'cases'],
  },
});

export const setVariableView = view({
  type: 'fluxo.setVariable',
  title: 'Definir variável',
  description: 'Guarda valores em variáveis da conversa ou do contato.',
  category: 'logic',
  icon: 'variable',
  ports: [{ id: 'out', label: 'Próximo' }, { id: 'error', label: 'Error' }],
  configSchema: {
    type: 'object',
    properties: {
      assignments: {
        minItems: 1,
        maxItems: 50,
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: {
              type: 'string',
              pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
              title: 'Variável',
              'x-fluxo': { placeholder: 'plano', widget: 'variable' },
            },
            scope: {
              default: 'flow',
              title: 'Escopo',
              'x-fluxo': { widget: 'select', optionLabels: { flow: 'Desta conversa', contact: 'Do contato (permanente)' } },
              type: 'string',
              enum: ['flow', 'contact'],
            },
            value: {
              type: 'string',
              maxLength: 20000,
              title: 'Valor',
              'x-fluxo': { placeholder: '{{ message.text }}', templated: true },
            },
            type: {
              default: 'string',
              title: 'Tipo',
              'x-fluxo': {
                widget: 'select',
                optionLabels: { string: 'Texto', number: 'Número', boolean: 'Sim/Não', json: 'JSON' },
              },
              type: 'string',
              enum: ['string', 'number', 'boolean', 'json'],
            },
          },
          required: ['name', 'value'],
        },
        title: 'Atribuições',
        description: 'Os valores são calculados antes de qualquer atribuição: um valor não enxerga outra variável definida neste mesmo bloco.',
        'x-fluxo': { widget: 'list' },
      },
    },
    required: ['assignments'],
  },
});

export const businessHoursView = view({
  type: 'fluxo.businessHours',
  title: 'Horário de atendimento',
  description: 'Segue por "aberto" ou "fechado" conforme os horários e feriados.',
  category: 'logic',
  icon: 'clock',
  ports: [{ id: 'open', label: 'Aberto' }, { id: 'closed', label: 'Fechado' }],
  configSchema: {
    type: 'object',
    properties: {
      timeZone: {
        default: '',
        title: 'Fuso horário',
        description: 'Vazio usa o fuso da conta.',
        'x-fluxo': { placeholder: 'America/Sao_Paulo' },
        type: 'string',
      },
      schedule: {
        default: [
          { day: 'mon', open: '09:00', close: '18:00' },
          { day: 'tue', open: '09:00', close: '18:00' },
          { day: 'wed', open: '09:00', close: '18:00' },
          { day: 'thu', open: '09:00', close: '18:00' },
          { day: 'fri', open: '09:00', close: '18:00' },
        ],
        title: 'Horários',
        description: 'Vários intervalos por dia são permitidos (ex.: 08:00-12:00 e 13:00-18:00).',
        'x-fluxo': { widget: 'schedule' },
        minItems: 1,
        maxItems: 70,
        type: 'array',
        items: {
          type: 'object',
          properties: {
            day: {
              type: 'string',
              enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
              title: 'Dia',
              'x-fluxo': {
                widget: 'select',
                optionLabels: {
                  mon: 'Segunda',
                  tue: 'Terça',
                  wed: 'Quarta',
                  thu: 'Quinta',
                  fri: 'Sexta',
                  sat: 'Sábado',
                  sun: 'Domingo',
                },
              },
            },
            open: {
              type: 'string',
              pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
              title: 'Abre',
              'x-fluxo': { placeholder: '09:00' },
            },
            close: {
              type: 'string',
              pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
              title: 'Fecha',
              'x-fluxo': { placeholder: '18:00' },
            },
          },
          required: ['day', 'open', 'close'],
        },
      },
      holidays: {
        default: [],
        title: 'Feriados',
        description: 'Datas (AAAA-MM-DD) em que fica fechado o dia todo.',
        'x-fluxo': { widget: 'list' },
        maxItems: 400,
        type: 'array',
        items: { type: 'string' },
      },
    },
  },
});

export const jumpToFlowView = view({
  type: 'fluxo.jumpToFlow',
  title: 'Ir para fluxo',
  description: 'Continua a conversa em outro fluxo.',
  category: 'logic',
  icon: 'corner-down-right',
  ports: [{ id: 'out', label: 'Ao voltar' }, { id: 'error', label: 'Error' }],
  configSchema: {
    type: 'object',
    properties: {
      flowId: { type: 'string', minLength: 1, title: 'Fluxo', 'x-fluxo': { widget: 'flow' } },
      returnAfter: {
        default: false,
        title: 'Voltar ao terminar',
        description: 'Quando o outro fluxo termina, a conversa volta para cá e segue pela saída.',
        'x-fluxo': { widget: 'toggle' },
        type: 'boolean',
      },
    },
    required: ['flowId'],
  },
});

export const httpResponseView = view({
  type: 'fluxo.httpResponse',
  title: 'Resposta HTTP',
  description: 'Responde à chamada que iniciou o fluxo pelo gatilho HTTP.',
  category: 'tools',
  icon: 'reply',
  ports: [{ id: 'out', label: 'Próximo' }, { id: 'error', label: 'Error' }],
  configSchema: {
    type: 'object',
    properties: {
      status: { default: 200, title: 'Status', 'x-fluxo': { widget: 'number' }, type: 'integer', minimum: 100, maximum: 599 },
      body: {
        default: '{}',
        title: 'Corpo (JSON)',
        description: 'Para inserir texto de uma variável use o filtro json: {"nome": {{ vars.nome | json }}}.',
        'x-fluxo': { placeholder: '{"ok": true}', templated: true, widget: 'code' },
        type: 'string',
        maxLength: 100000,
      },
      headers: {
        title: 'Cabeçalhos',
        'x-fluxo': { widget: 'keyValue', templated: true },
        type: 'object',
        propertyNames: { type: 'string', pattern: '^[A-Za-z0-9!#$%&\'*+.^_`|~-]{1,100}$' },
        additionalProperties: { type: 'string', maxLength: 4000 },
      },
    },
  },
});

export const inspectorNodeTypes: NodeTypeView[] = [sendMessageView, askQuestionView, switchView, setVariableView, businessHoursView, jumpToFlowView, httpResponseView];
