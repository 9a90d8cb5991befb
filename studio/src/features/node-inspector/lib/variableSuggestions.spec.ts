import { nodeType } from '../moreNodeTypes.fixture';
import { collectSuggestions, filterSuggestions, upstreamNodeIds, variableNames, writtenVariables } from './variableSuggestions';
import type { SuggestionInput } from './variableSuggestions';

const node = (id: string, type: string, config: Record<string, unknown>, label?: string) => ({ id, data: { type: `fluxo.${type}`, config: config as never, ...(label && { label }) } });

const nodes = [
  node('start', 'messageTrigger', { mode: 'regex', pattern: '(?<pedido>\\d+)' }),
  node('ask', 'askQuestion', { question: 'E-mail?', variable: 'email' }, 'Pergunta e-mail'),
  node('set', 'setVariable', { assignments: [{ name: 'plano', value: 'ouro' }, { name: 'vip', value: 'true', scope: 'contact' }] }),
  node('here', 'sendMessage', { text: '' }),
  node('later', 'askQuestion', { question: 'CPF?', variable: 'cpf' }),
];
const edges = [
  { source: 'start', target: 'ask' },
  { source: 'ask', target: 'set' },
  { source: 'set', target: 'here' },
  { source: 'here', target: 'later' },
  { source: 'later', target: 'ask' },
];

const input = (nodeId: string): SuggestionInput => ({
  nodeId,
  nodes,
  edges,
  variables: [
    { name: 'cupom', type: 'string' },
    { name: 'cidade', type: 'string', scope: 'contact' },
  ],
  schemaOf: (type) => nodeType(type.replace('fluxo.', '')).configSchema,
  nameOf: (node) => node.data.label ?? node.id,
});

describe('upstreamNodeIds', () => {
  it('walks edges backwards, nearest first, through loops without repeating', () => {
    expect(upstreamNodeIds('here', edges)).toEqual(['set', 'ask', 'start', 'later']);
    expect(upstreamNodeIds('start', edges)).toEqual([]);
  });
});

describe('writtenVariables', () => {
  it('reads every variable widget with its scope', () => {
    expect(writtenVariables(nodeType('askQuestion').configSchema, { variable: 'email', variableScope: 'contact' })).toEqual([{ name: 'email', scope: 'contact' }]);
    expect(writtenVariables(nodeType('setVariable').configSchema, nodes[2]!.data.config)).toEqual([
      { name: 'plano', scope: 'flow' },
      { name: 'vip', scope: 'contact' },
    ]);
  });
});

describe('collectSuggestions', () => {
  it('offers declared variables, upstream writes and outputs, then the contact, message and conversation', () => {
    const paths = collectSuggestions(input('here')).map((suggestion) => `${suggestion.path} (${suggestion.source}${suggestion.from ? ` ${suggestion.from}` : ''})`);
    expect(paths).toEqual([
      'vars.cupom (declared)',
      'contact.fields.cidade (declared)',
      'vars.plano (node set)',
      'contact.fields.vip (node set)',
      'vars.email (node Pergunta e-mail)',
      'nodes.ask.answer (output Pergunta e-mail)',
      'nodes.ask.text (output Pergunta e-mail)',
      'nodes.ask.choiceTitle (output Pergunta e-mail)',
      'trigger.text (trigger start)',
      'trigger.groups (trigger start)',
      'vars.cpf (node later)',
      'nodes.later.answer (output later)',
      'nodes.later.text (output later)',
      'nodes.later.choiceTitle (output later)',
      'contact.name (contact)',
      'contact.phone (contact)',
      'contact.isNew (contact)',
      'contact.id (contact)',
      'message.text (message)',
      'message.type (message)',
      'message.timestamp (message)',
      'conversation.channel (conversation)',
      'conversation.id (conversation)',
      'now (system)',
    ]);
  });

  it('does not offer what only downstream nodes write', () => {
    const paths = collectSuggestions(input('ask')).map((suggestion) => suggestion.path);
    expect(paths).toContain('vars.cpf');
    expect(collectSuggestions({ ...input('set'), edges: edges.slice(0, 2) }).map((suggestion) => suggestion.path)).not.toContain('vars.cpf');
  });

  it('filters by what was typed, ignoring case and accents', () => {
    const all = collectSuggestions(input('here'));
    expect(filterSuggestions(all, 'PLA').map((suggestion) => suggestion.path)).toEqual(['vars.plano']);
    expect(filterSuggestions(all, '')).toHaveLength(all.length);
    expect(variableNames(all)).toEqual(['cupom', 'cidade', 'plano', 'vip', 'email', 'cpf']);
  });
});
