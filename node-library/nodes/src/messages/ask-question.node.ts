import { z } from 'zod';
import { defineNode, next, NodeConfigError, ui, wait } from '@fluxo/node-sdk';
import type { InboundMessage, JsonObject, JsonValue, NodeContext, NodeResult, OutboundMessage, PortDef } from '@fluxo/node-sdk';
import { matchChoice } from '../shared/match-choice';
import { anyMessageText, messageText } from '../shared/message-text';
import { optionIdSchema, reportOptionIdProblems } from '../shared/option-ids';
import { parseDateAnswer, parseEmailAnswer, parseNumberAnswer, parsePhoneAnswer, parseTextAnswer } from './answer-parsers';
import type { AnswerRefusal } from './answer-parsers';
import { fileAnswer, isFileMessage } from './file-answer';
import { requiredText } from './rendered-text';

export const ANSWER_TYPES = ['text', 'number', 'email', 'phone', 'date', 'choice', 'file'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const INVALID_PORT = 'invalid';
export const TIMEOUT_PORT = 'timeout';
/** Up to this many choices go out as buttons; more go out as a list. */
export const MAX_BUTTON_CHOICES = 10;
/** Longer waits belong in a scheduled flow: a question left open for months is a surprise. */
export const MAX_TIMEOUT_MINUTES = 30 * 24 * 60;

const choiceSchema = z.object({
  id: optionIdSchema,
  title: ui(z.string().trim().min(1).max(60), {
    label: 'Opção',
    help: 'Até 20 caracteres para aparecer como botão no WhatsApp.',
    templated: true,
  }),
});

const NUMBER_ONLY = { field: 'answerType', in: ['number'] };
const TEXT_ONLY = { field: 'answerType', in: ['text'] };

const askQuestionConfig = z
  .object({
    question: ui(z.string().trim().min(1).max(4_096), {
      label: 'Pergunta',
      placeholder: 'Olá {{ contact.name }}! Qual é o seu e-mail?',
      templated: true,
      multiline: true,
      widget: 'textarea',
    }),
    answerType: ui(z.enum(ANSWER_TYPES).default('text'), {
      label: 'Tipo de resposta',
      widget: 'select',
      optionLabels: { text: 'Texto', number: 'Número', email: 'E-mail', phone: 'Telefone', date: 'Data', choice: 'Escolha entre opções', file: 'Arquivo ou foto' },
    }),
    choices: ui(z.array(choiceSchema).max(30).optional(), {
      label: 'Opções',
      help: 'Cada opção é uma saída. Até 10 vão como botões; mais, como lista.',
      widget: 'list',
      visibleWhen: { field: 'answerType', in: ['choice'] },
    }),
    variable: ui(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Use letters, digits and _ (up to 64), not starting with a digit.'), {
      label: 'Guardar resposta em',
      placeholder: 'email',
      widget: 'variable',
    }),
    variableScope: ui(z.enum(['flow', 'contact']).default('flow'), {
      label: 'Escopo',
      widget: 'select',
      optionLabels: { flow: 'Desta conversa', contact: 'Do contato (permanente)' },
    }),
    min: ui(z.number().finite().optional(), { label: 'Mínimo', help: 'Para respostas numéricas.', widget: 'number', visibleWhen: NUMBER_ONLY }),
    max: ui(z.number().finite().optional(), { label: 'Máximo', help: 'Para respostas numéricas.', widget: 'number', visibleWhen: NUMBER_ONLY }),
    minLength: ui(z.number().int().min(0).max(4_096).optional(), {
      label: 'Mínimo de caracteres',
      help: 'Para respostas de texto.',
      widget: 'number',
      visibleWhen: TEXT_ONLY,
    }),
    maxLength: ui(z.number().int().min(1).max(4_096).optional(), {
      label: 'Máximo de caracteres',
      help: 'Para respostas de texto.',
      widget: 'number',
      visibleWhen: TEXT_ONLY,
    }),
    retryMessage: ui(z.string().trim().max(1_000).optional(), {
      label: 'Mensagem de nova tentativa',
      help: 'Enviada quando a resposta não serve. Sem ela, uma mensagem padrão conforme o tipo.',
      placeholder: 'Por favor, informe um e-mail válido.',
      templated: true,
      multiline: true,
    }),
    maxRetries: ui(z.number().int().min(0).max(10).default(2), {
      label: 'Novas tentativas',
      help: 'Quantas vezes perguntar de novo antes de seguir por "Tentativas esgotadas".',
      widget: 'number',
    }),
    timeoutMinutes: ui(z.number().positive().max(MAX_TIMEOUT_MINUTES).optional(), {
      label: 'Tempo para responder (minutos)',
      help: 'Sem resposta nesse tempo, segue por "Sem resposta".',
      widget: 'number',
    }),
  })
  .superRefine((config, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (config.answerType === 'choice') {
      if (!config.choices?.length) issue(['choices'], 'A choice question needs at least one option.');
      const ids = (config.choices ?? []).map((choice, index) => ({ id: choice.id, path: ['choices', index, 'id'] }));
      reportOptionIdProblems(ids, [INVALID_PORT, TIMEOUT_PORT], ctx);
    }
    if (config.min !== undefined && config.max !== undefined && config.min > config.max) issue(['max'], 'The maximum is below the minimum.');
    if (config.minLength !== undefined && config.maxLength !== undefined && config.minLength > config.maxLength) {
      issue(['maxLength'], 'The maximum length is below the minimum length.');
    }
  });

export type AskQuestionConfig = z.output<typeof askQuestionConfig>;

function askQuestionPorts(config: AskQuestionConfig): PortDef[] {
  const answered = config.answerType === 'choice'
    ? (config.choices ?? []).map((choice) => ({ id: choice.id, label: choice.title }))
    : [{ id: 'out', label: 'Resposta válida' }];
  const timeout = config.timeoutMinutes === undefined ? [] : [{ id: TIMEOUT_PORT, label: 'Sem resposta' }];
  return [...answered, { id: INVALID_PORT, label: 'Tentativas esgotadas' }, ...timeout];
}

const numberFormat = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 6 });

/** What to say after an answer that does not fit, when the tenant wrote nothing of their own. */
export function defaultRetryMessage(config: AskQuestionConfig): string {
  const { min, max, minLength, maxLength } = config;
  switch (config.answerType) {
    case 'text':
      if (minLength !== undefined && maxLength !== undefined) return `Por favor, responda com ${minLength} a ${maxLength} caracteres.`;
      if (minLength !== undefined) return `Por favor, responda com pelo menos ${minLength} caracteres.`;
      if (maxLength !== undefined) return `Por favor, responda com até ${maxLength} caracteres.`;
      return 'Não entendi. Pode responder de novo?';
    case 'number':
      if (min !== undefined && max !== undefined) return `Por favor, informe um número entre ${numberFormat.format(min)} e ${numberFormat.format(max)}.`;
      if (min !== undefined) return `Por favor, informe um número a partir de ${numberFormat.format(min)}.`;
      if (max !== undefined) return `Por favor, informe um número até ${numberFormat.format(max)}.`;
      return 'Por favor, responda com um número.';
    case 'email':
      return 'Por favor, informe um e-mail válido.';
    case 'phone':
      return 'Por favor, informe um telefone válido com DDD, por exemplo (11) 99999-0001.';
    case 'date':
      return 'Por favor, informe uma data válida, por exemplo 13/05/2026.';
    case 'choice':
      return 'Por favor, escolha uma das opções.';
    case 'file':
      return 'Por favor, envie o arquivo ou a foto aqui na conversa.';
  }
}

/** The question itself: plain text, or with the choices as buttons (a list beyond ten). */
function questionMessage(config: AskQuestionConfig): OutboundMessage {
  const text = requiredText(config.question, 'The question');
  if (config.answerType !== 'choice') return { kind: 'text', text };
  const options = renderedChoices(config);
  if (options.length <= MAX_BUTTON_CHOICES) return { kind: 'buttons', text, buttons: options };
  return { kind: 'list', text, buttonLabel: 'Ver opções', sections: [{ rows: options }] };
}

function renderedChoices(config: AskQuestionConfig): Array<{ id: string; title: string }> {
  const choices = config.choices ?? [];
  if (choices.length === 0) throw new NodeConfigError('A choice question needs at least one option.', 'ASK_QUESTION_NO_CHOICES');
  return choices.map((choice) => ({ id: choice.id, title: requiredText(choice.title, `The title of option "${choice.id}"`) }));
}

type Answer = { ok: true; value: JsonValue; port: string; outputs?: JsonObject } | { ok: false; reason: AnswerRefusal | 'notText' | 'noChoice' | 'notFile' };

/** The customer's reply read as the configured answer type (all but files, which need a download link). */
export function readAnswer(config: AskQuestionConfig, message: InboundMessage, clock: { now: Date; timeZone: string }): Answer {
  // A file answer needs the media port (a download link): handleReply reads it with fileAnswer.
  if (config.answerType === 'file') return { ok: false, reason: 'notFile' };
  if (config.answerType === 'choice') {
    const choice = matchChoice(message, renderedChoices(config));
    return choice ? { ok: true, value: choice.id, port: choice.id, outputs: { choiceTitle: choice.title } } : { ok: false, reason: 'noChoice' };
  }
  // Stickers, audio, photos: nothing to read an answer from.
  const text = messageText(message);
  if (text === undefined) return { ok: false, reason: 'notText' };
  const parsed = parseTyped(config, text, clock);
  return parsed.ok ? { ok: true, value: parsed.value, port: 'out' } : parsed;
}

function parseTyped(config: AskQuestionConfig, text: string, clock: { now: Date; timeZone: string }) {
  switch (config.answerType) {
    case 'number':
      return parseNumberAnswer(text, { min: config.min, max: config.max });
    case 'email':
      return parseEmailAnswer(text);
    case 'phone':
      return parsePhoneAnswer(text);
    case 'date':
      return parseDateAnswer(text, clock);
    default:
      return parseTextAnswer(text, { minLength: config.minLength, maxLength: config.maxLength });
  }
}

function timeoutMs(config: AskQuestionConfig): number | undefined {
  return config.timeoutMinutes === undefined ? undefined : Math.round(config.timeoutMinutes * 60_000);
}

/** Waits for the next reply; every wait gets the full timeout again (the timer restarts after a re-prompt). */
function waitForAnswer(config: AskQuestionConfig, attempts: number): NodeResult {
  const ms = timeoutMs(config);
  return ms === undefined ? wait({ for: 'input', state: { attempts } }) : wait({ for: 'input', timeoutMs: ms, state: { attempts } });
}

function attemptsSoFar(waitState: JsonObject | undefined): number {
  const attempts = waitState?.attempts;
  return typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 0 ? attempts : 0;
}

function handleReply(ctx: NodeContext<AskQuestionConfig>, message: InboundMessage): NodeResult | Promise<NodeResult> {
  if (ctx.config.answerType === 'file') {
    if (!isFileMessage(message)) return settleReply(ctx, message, { ok: false, reason: 'notFile' });
    return fileAnswer(message, ctx.media).then((value) => settleReply(ctx, message, { ok: true, value, port: 'out' }));
  }
  return settleReply(ctx, message, readAnswer(ctx.config, message, { now: ctx.now(), timeZone: ctx.timeZone }));
}

function settleReply(ctx: NodeContext<AskQuestionConfig>, message: InboundMessage, answer: Answer): NodeResult {
  const { config } = ctx;
  const text = anyMessageText(message);
  if (answer.ok) {
    ctx.vars.set(config.variable, answer.value, config.variableScope);
    return next(answer.port, { answer: answer.value, text, ...answer.outputs });
  }
  const attempts = attemptsSoFar(ctx.waitState) + 1;
  if (attempts > config.maxRetries) return next(INVALID_PORT, { text, attempts, reason: answer.reason });
  ctx.send({ kind: 'text', text: config.retryMessage?.trim() || defaultRetryMessage(config) });
  // A re-prompt alone loses the buttons off-screen on a phone, so a choice is asked again.
  if (config.answerType === 'choice') ctx.send(questionMessage(config));
  return waitForAnswer(config, attempts);
}

/** Asks a question, checks the answer against its type, re-asks a few times and stores it in a variable. */
export const askQuestion = defineNode({
  type: 'fluxo.askQuestion',
  version: 1,
  title: 'Fazer pergunta',
  description: 'Pergunta, valida a resposta (texto, número, e-mail, telefone, data, opção ou arquivo) e guarda numa variável.',
  category: 'messages',
  icon: 'help-circle',
  config: askQuestionConfig,
  outputs: askQuestionPorts,
  execute(ctx) {
    ctx.send(questionMessage(ctx.config));
    return waitForAnswer(ctx.config, 0);
  },
  resume(ctx, event) {
    if (event.type === 'input') return handleReply(ctx, event.message);
    if (event.type === 'timer' && ctx.config.timeoutMinutes !== undefined) return next(TIMEOUT_PORT, { attempts: attemptsSoFar(ctx.waitState) });
    // A stray timer or event is not an answer: keep waiting where the conversation was.
    return waitForAnswer(ctx.config, attemptsSoFar(ctx.waitState));
  },
});
