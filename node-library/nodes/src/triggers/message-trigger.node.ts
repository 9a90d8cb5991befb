import { z } from 'zod';
import { compilePattern, defineNode, MAX_PATTERN_INPUT, MAX_PATTERN_LENGTH, next, normalizeText, patternSafetyProblem, patternSyntaxProblem, ui } from '@fluxo/node-sdk';
import type { ContactInfo, InboundMessage, InboundMessageType, JsonObject, TextCompareOptions, TriggerMatch } from '@fluxo/node-sdk';
import { anyMessageText, messageText, stripEdgePunctuation } from '../shared/message-text';

export const TRIGGER_MODES = ['any', 'keywords', 'regex', 'firstMessage'] as const;
export type TriggerMode = (typeof TRIGGER_MODES)[number];

export const KEYWORD_MATCHES = ['exact', 'contains', 'startsWith'] as const;
export type KeywordMatch = (typeof KEYWORD_MATCHES)[number];

/** Between two flows with equal priority, the more precise trigger wins ("oi" beats "any message"). */
const KEYWORD_SPECIFICITY: Record<KeywordMatch, number> = { exact: 3, startsWith: 2, contains: 2 };
const SPECIFICITY = { any: 0, regex: 2, firstMessage: 3 } as const;

/**
 * Reactions and system notices (edits, a user blocking the bot) are not the customer talking to
 * the bot; starting a flow on them would greet someone for reacting with 👍.
 */
const NEVER_TRIGGERS: ReadonlySet<InboundMessageType> = new Set(['reaction', 'system']);

const messageTriggerConfig = z
  .object({
    mode: ui(z.enum(TRIGGER_MODES).default('any'), {
      label: 'Quando iniciar',
      widget: 'select',
      optionLabels: {
        any: 'Qualquer mensagem',
        keywords: 'Palavras-chave',
        regex: 'Expressão regular',
        firstMessage: 'Primeira mensagem de um contato novo',
      },
    }),
    keywords: ui(z.array(z.string().trim().min(1).max(100)).max(100).default([]), {
      label: 'Palavras-chave',
      help: 'Qualquer uma delas inicia o fluxo.',
      placeholder: 'oi',
      widget: 'list',
      visibleWhen: { field: 'mode', in: ['keywords'] },
    }),
    keywordMatch: ui(z.enum(KEYWORD_MATCHES).default('exact'), {
      label: 'Como comparar',
      help: '"Contém" e "Começa com" comparam palavras inteiras: "oi" não inicia com "oito".',
      widget: 'select',
      visibleWhen: { field: 'mode', in: ['keywords'] },
      optionLabels: { exact: 'Mensagem igual', contains: 'Contém a palavra', startsWith: 'Começa com a palavra' },
    }),
    pattern: ui(
      z
        .string()
        .max(MAX_PATTERN_LENGTH, `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`)
        // Unsafe patterns are refused whatever the mode, so none is ever compiled.
        .superRefine((pattern, ctx) => {
          const problem = pattern.length > MAX_PATTERN_LENGTH ? null : patternSafetyProblem(pattern);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      {
        label: 'Expressão regular',
        help: 'Grupos capturados ficam em {{ trigger.groups }}: (?<pedido>\\d+) vira {{ trigger.groups.pedido }}.',
        placeholder: '^pedido (?<pedido>\\d+)$',
        widget: 'code',
        visibleWhen: { field: 'mode', in: ['regex'] },
      },
    ),
    ignoreCase: ui(z.boolean().default(true), {
      label: 'Ignorar maiúsculas',
      help: 'Vale para palavras-chave e para a expressão regular.',
      widget: 'toggle',
      visibleWhen: { field: 'mode', in: ['keywords', 'regex'] },
    }),
    ignoreAccents: ui(z.boolean().default(true), {
      label: 'Ignorar acentos',
      help: "Palavras-chave: 'preco' igual a 'preço'.",
      widget: 'toggle',
      visibleWhen: { field: 'mode', in: ['keywords'] },
    }),
    priority: ui(z.number().int().min(-1_000).max(1_000).default(0), {
      label: 'Prioridade',
      help: 'Quando gatilhos de fluxos diferentes servem para a mesma mensagem, vence o de maior prioridade.',
      widget: 'number',
    }),
  })
  .superRefine((config, ctx) => {
    if (config.mode === 'keywords' && config.keywords.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['keywords'], message: 'Add at least one keyword, or choose another mode.' });
    }
    if (config.mode === 'regex') {
      // Safety was checked on the field itself; here only what the regex mode needs on top.
      const problem = config.pattern ? patternSyntaxProblem(config.pattern) : 'Write the regular expression the message must match.';
      if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    }
  });

export type MessageTriggerConfig = z.output<typeof messageTriggerConfig>;

/**
 * Whether an inbound message starts this trigger's flow, with the outputs the flow sees as
 * `{{ trigger.* }}`: `text`, and `matchedKeyword` or regex `groups` when they apply. Pure, so
 * the engine can offer every message to every trigger of a tenant cheaply.
 */
export function matchMessageTrigger(
  config: MessageTriggerConfig,
  message: InboundMessage,
  contact: Pick<ContactInfo, 'isNew'>,
): TriggerMatch | null {
  if (NEVER_TRIGGERS.has(message.type)) return null;
  const matched = (specificity: number, extra: JsonObject = {}): TriggerMatch => ({
    priority: config.priority,
    specificity,
    outputs: { text: anyMessageText(message), ...extra },
  });
  switch (config.mode) {
    case 'any':
      return matched(SPECIFICITY.any);
    case 'firstMessage':
      return contact.isNew ? matched(SPECIFICITY.firstMessage) : null;
    case 'keywords': {
      const text = messageText(message);
      const keyword = text === undefined ? undefined : findKeyword(text, config);
      return keyword === undefined ? null : matched(KEYWORD_SPECIFICITY[config.keywordMatch], { matchedKeyword: keyword });
    }
    case 'regex': {
      const text = messageText(message);
      const groups = text === undefined ? null : matchPattern(text, config);
      return groups === null ? null : matched(SPECIFICITY.regex, groups);
    }
  }
}

/** The first configured keyword the text holds, as the tenant wrote it. */
function findKeyword(text: string, config: MessageTriggerConfig): string | undefined {
  const options: TextCompareOptions = { ignoreCase: config.ignoreCase, ignoreAccents: config.ignoreAccents };
  // NFC first: with accents kept, a phone may send "ç" as c + combining cedilla.
  const normalized = normalizeText(text.normalize('NFC'), options);
  return config.keywords.find((keyword) => {
    const wanted = normalizeText(keyword.normalize('NFC'), options);
    return wanted !== '' && keywordMatches(normalized, wanted, config.keywordMatch);
  });
}

function keywordMatches(text: string, keyword: string, how: KeywordMatch): boolean {
  switch (how) {
    case 'exact':
      // "Oi!" and "oi." are still just "oi".
      return text === keyword || stripEdgePunctuation(text) === stripEdgePunctuation(keyword);
    case 'startsWith':
      return text.startsWith(keyword) && isWordEdge(text, keyword.length);
    case 'contains':
      for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) {
        if (isWordEdge(text, at) && isWordEdge(text, at + keyword.length)) return true;
      }
      return false;
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when `index` is not inside a word: "oi" is a word in "oi, tudo bem" but not in "oito". */
function isWordEdge(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index];
  return !(before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after));
}

/** `{ groups }` when the pattern matches (positional groups as "1", "2"..., named ones by name), else null. */
function matchPattern(text: string, config: MessageTriggerConfig): JsonObject | null {
  if (!config.pattern) return null;
  let regex: RegExp;
  try {
    regex = compilePattern(config.pattern, config.ignoreCase ? 'iu' : 'u');
  } catch {
    // The schema refuses such patterns; one slipping through must not break matching for the tenant.
    return null;
  }
  const found = regex.exec(text.slice(0, MAX_PATTERN_INPUT));
  if (!found) return null;
  if (found.length <= 1) return {};
  const groups: JsonObject = {};
  found.slice(1).forEach((value, index) => {
    groups[String(index + 1)] = value ?? null;
  });
  for (const [name, value] of Object.entries(found.groups ?? {})) groups[name] = value ?? null;
  return { groups };
}

/** Starts a flow when a customer's message fits: any message, keywords, a pattern or a new contact. */
export const messageTrigger = defineNode({
  type: 'fluxo.messageTrigger',
  version: 1,
  title: 'Mensagem recebida',
  description: 'Inicia o fluxo quando chega uma mensagem: qualquer uma, com palavras-chave, por expressão regular ou de um contato novo.',
  category: 'triggers',
  icon: 'message-circle',
  config: messageTriggerConfig,
  outputs: [{ id: 'out', label: 'Ao receber' }],
  trigger: { on: 'message', match: ({ config, message, contact }) => matchMessageTrigger(config, message, contact) },
  execute(ctx) {
    // The engine already matched; recomputing from the message keeps the node's own outputs
    // (`nodes.<id>.*`) equal to `trigger.*` without the engine passing them in.
    const message = ctx.message;
    const match = message ? matchMessageTrigger(ctx.config, message, ctx.contact) : null;
    return next('out', match?.outputs ?? { text: anyMessageText(message) });
  },
});
