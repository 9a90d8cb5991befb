import { z } from 'zod';
import { defineNode, InternalNodeError, next, NodeConfigError, ui, wait } from '@fluxo/node-sdk';
import type { OutboundListSection, OutboundMessage, PortDef } from '@fluxo/node-sdk';
import { matchChoice } from '../shared/match-choice';
import type { ChoiceOption } from '../shared/match-choice';
import { anyMessageText } from '../shared/message-text';
import { optionIdSchema, reportOptionIdProblems } from '../shared/option-ids';
import { optionalText, requiredText } from './rendered-text';

export const SEND_MESSAGE_KINDS = ['text', 'media', 'buttons', 'list', 'template'] as const;
export type SendMessageKind = (typeof SEND_MESSAGE_KINDS)[number];

export const MEDIA_TYPES = ['image', 'video', 'audio', 'voice', 'document'] as const;

/** The port a reply takes when it picks none of the buttons or rows. */
export const OTHER_PORT = 'other';
export const MAX_TEXT_LENGTH = 4_096;
/** WhatsApp shows 10 rows; channels turn longer menus into numbered text, which has no hard limit. */
export const MAX_LIST_ROWS = 30;

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

const buttonSchema = z.object({
  id: optionIdSchema,
  title: ui(z.string().trim().min(1).max(60), {
    label: 'Texto do botão',
    help: 'Até 20 caracteres para aparecer como botão no WhatsApp; mais longo vira lista numerada.',
    templated: true,
  }),
});

const rowSchema = z.object({
  id: optionIdSchema,
  title: ui(z.string().trim().min(1).max(72), { label: 'Opção', help: 'Até 24 caracteres cabem numa lista do WhatsApp.', templated: true }),
  description: ui(z.string().trim().max(72).optional(), { label: 'Descrição', templated: true }),
});

const sectionSchema = z.object({
  title: ui(z.string().trim().max(24).optional(), { label: 'Título da seção', templated: true }),
  rows: ui(z.array(rowSchema).min(1).max(10), { label: 'Opções', widget: 'list' }),
});

const listSchema = z.object({
  buttonLabel: ui(z.string().trim().min(1).max(20).default('Ver opções'), { label: 'Texto do botão da lista', templated: true }),
  sections: ui(z.array(sectionSchema).min(1).max(10), { label: 'Seções', widget: 'list' }),
});

const mediaSchema = z.object({
  mediaType: ui(z.enum(MEDIA_TYPES), {
    label: 'Tipo de mídia',
    widget: 'select',
    optionLabels: { image: 'Imagem', video: 'Vídeo', audio: 'Áudio', voice: 'Mensagem de voz', document: 'Documento' },
  }),
  url: ui(z.string().trim().min(1).max(2_000), { label: 'URL', placeholder: 'https://exemplo.com/cardapio.pdf', templated: true }),
  caption: ui(z.string().max(1_024).optional(), { label: 'Legenda', templated: true, multiline: true }),
  fileName: ui(z.string().trim().max(255).optional(), { label: 'Nome do arquivo', placeholder: 'cardapio.pdf', templated: true }),
});

/**
 * An approved WhatsApp message template: the only message WhatsApp delivers 24 hours after the
 * customer last wrote (a reminder, a follow-up). Other channels have no templates and refuse it.
 */
const templateSchema = z.object({
  name: ui(z.string().trim().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ (as in WhatsApp Manager)'), {
    label: 'Nome do modelo', placeholder: 'lembrete_consulta', help: 'O nome exato do modelo aprovado no WhatsApp Manager.',
  }),
  language: ui(z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as pt_BR or en_US').default('pt_BR'), { label: 'Idioma', placeholder: 'pt_BR' }),
  parameters: ui(z.array(z.string().max(1_024)).max(20).default([]), {
    label: 'Parâmetros', help: 'Preenchem {{1}}, {{2}}… do corpo do modelo, nesta ordem.', templated: true,
  }),
});

const sendMessageConfig = z
  .object({
    kind: ui(z.enum(SEND_MESSAGE_KINDS).default('text'), {
      label: 'Tipo',
      widget: 'select',
      optionLabels: { text: 'Texto', media: 'Mídia', buttons: 'Botões', list: 'Lista', template: 'Modelo do WhatsApp' },
    }),
    text: ui(z.string().max(MAX_TEXT_LENGTH).optional(), {
      label: 'Mensagem',
      placeholder: 'Olá {{ contact.name }}! Como posso ajudar?',
      templated: true,
      multiline: true,
      widget: 'textarea',
      visibleWhen: { field: 'kind', in: ['text', 'buttons', 'list'] },
    }),
    media: ui(mediaSchema.optional(), { label: 'Mídia', visibleWhen: { field: 'kind', in: ['media'] } }),
    template: ui(templateSchema.optional(), { label: 'Modelo aprovado', visibleWhen: { field: 'kind', in: ['template'] } }),
    buttons: ui(z.array(buttonSchema).max(10).optional(), {
      label: 'Botões',
      help: 'Cada botão é uma saída. Até 3 aparecem como botões no WhatsApp; mais viram lista.',
      widget: 'list',
      visibleWhen: { field: 'kind', in: ['buttons'] },
    }),
    list: ui(listSchema.optional(), { label: 'Lista', help: 'Cada opção é uma saída.', visibleWhen: { field: 'kind', in: ['list'] } }),
    header: ui(z.string().trim().max(60).optional(), {
      label: 'Cabeçalho',
      help: 'Para botões e listas.',
      templated: true,
      visibleWhen: { field: 'kind', in: ['buttons', 'list'] },
    }),
    footer: ui(z.string().trim().max(60).optional(), {
      label: 'Rodapé',
      help: 'Para botões e listas.',
      templated: true,
      visibleWhen: { field: 'kind', in: ['buttons', 'list'] },
    }),
    typingMs: ui(z.number().int().positive().max(10_000).optional(), {
      label: 'Mostrar "digitando…" (ms)',
      help: 'Mostra o indicador de digitação antes da mensagem, onde o canal permite.',
      widget: 'number',
    }),
  })
  .superRefine((config, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (config.kind !== 'media' && config.kind !== 'template' && !config.text?.trim()) issue(['text'], `A ${config.kind} message needs its text.`);
    if (config.kind === 'template' && !config.template) issue(['template'], 'A template message needs the template name and language.');
    if (config.kind === 'media') {
      if (!config.media) issue(['media'], 'A media message needs its media: type and URL.');
      else if (!config.media.url.includes('{{') && !HTTP_URL.test(config.media.url)) issue(['media', 'url'], 'The media URL must start with http:// or https://.');
    }
    if (config.kind === 'buttons') {
      if (!config.buttons?.length) issue(['buttons'], 'Add at least one button (up to 10).');
      const ids = (config.buttons ?? []).map((button, index) => ({ id: button.id, path: ['buttons', index, 'id'] }));
      reportOptionIdProblems(ids, [OTHER_PORT], ctx);
    }
    if (config.kind === 'list') {
      if (!config.list) issue(['list'], 'A list message needs its sections and options.');
      const rows = (config.list?.sections ?? []).flatMap((section, s) =>
        section.rows.map((row, r) => ({ id: row.id, path: ['list', 'sections', s, 'rows', r, 'id'] })),
      );
      if (rows.length > MAX_LIST_ROWS) issue(['list', 'sections'], `A list can have at most ${MAX_LIST_ROWS} options in all.`);
      reportOptionIdProblems(rows, [OTHER_PORT], ctx);
    }
  });

export type SendMessageConfig = z.output<typeof sendMessageConfig>;

/** The options a reply can pick: the buttons, or every row of every section. */
export function sendMessageOptions(config: SendMessageConfig): ChoiceOption[] {
  if (config.kind === 'buttons') return (config.buttons ?? []).map(({ id, title }) => ({ id, title }));
  if (config.kind === 'list') return (config.list?.sections ?? []).flatMap((section) => section.rows.map(({ id, title }) => ({ id, title })));
  return [];
}

function sendMessagePorts(config: SendMessageConfig): PortDef[] {
  if (config.kind === 'text' || config.kind === 'media' || config.kind === 'template') return [{ id: 'out', label: 'Enviada' }];
  return [...sendMessageOptions(config).map((option) => ({ id: option.id, label: option.title })), { id: OTHER_PORT, label: 'Outra resposta' }];
}

/** The message to send, from the rendered config. Text that renders empty is a flow mistake, not a blank message. */
export function buildOutboundMessage(config: SendMessageConfig): OutboundMessage {
  const text = () => requiredText(config.text, 'The message text');
  const extras = { ...optionalText('header', config.header), ...optionalText('footer', config.footer) };
  switch (config.kind) {
    case 'text':
      return { kind: 'text', text: text() };
    case 'media': {
      const media = present(config.media, 'media');
      const url = requiredText(media.url, 'The media URL');
      if (!HTTP_URL.test(url)) throw new NodeConfigError(`The media URL "${url.slice(0, 200)}" must start with http:// or https://.`, 'MEDIA_URL');
      return {
        kind: 'media', mediaType: media.mediaType, url,
        ...optionalText('caption', media.caption), ...optionalText('fileName', media.fileName),
      };
    }
    case 'buttons': {
      const buttons = present(config.buttons, 'buttons').map((b) => ({ id: b.id, title: requiredText(b.title, `The title of button "${b.id}"`) }));
      return { kind: 'buttons', text: text(), buttons, ...extras };
    }
    case 'template': {
      const template = present(config.template, 'template');
      // Positional parameters: {{1}} is the first. Keys "1", "2"… keep that order wherever they go.
      const variables = Object.fromEntries(template.parameters.map((value, index) => [String(index + 1), value]));
      return { kind: 'template', name: template.name, language: template.language, variables };
    }
    case 'list': {
      const list = present(config.list, 'list');
      return {
        kind: 'list', text: text(), buttonLabel: requiredText(list.buttonLabel, 'The list button label'),
        sections: list.sections.map(renderSection), ...extras,
      };
    }
  }
}

function renderSection(section: { title?: string; rows: Array<{ id: string; title: string; description?: string }> }): OutboundListSection {
  return {
    ...optionalText('title', section.title),
    rows: section.rows.map((row) => ({
      id: row.id, title: requiredText(row.title, `The title of option "${row.id}"`), ...optionalText('description', row.description),
    })),
  };
}

function present<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new NodeConfigError(`The message has no ${field} configured.`, 'SEND_MESSAGE_INCOMPLETE');
  return value;
}

/** Sends text, media, buttons or a list; with buttons or a list, waits for the pick and follows its port. */
export const sendMessage = defineNode({
  type: 'fluxo.sendMessage',
  version: 1,
  title: 'Enviar mensagem',
  description: 'Envia texto, mídia, botões ou lista. Com botões ou lista, cada opção é uma saída.',
  category: 'messages',
  icon: 'send',
  config: sendMessageConfig,
  outputs: sendMessagePorts,
  // Followed when the message cannot be rendered, and on the next turn when the channel refuses it for good.
  errorPort: true,
  execute(ctx) {
    const message = buildOutboundMessage(ctx.config);
    if (ctx.config.typingMs !== undefined) ctx.send({ kind: 'typing', on: true });
    ctx.send(message);
    if (message.kind === 'buttons' || message.kind === 'list') return wait({ for: 'input' });
    return next('out');
  },
  resume(ctx, event) {
    if (ctx.config.kind !== 'buttons' && ctx.config.kind !== 'list') {
      throw new InternalNodeError(`A ${ctx.config.kind} message never waits, yet it was resumed.`, 'CANNOT_RESUME');
    }
    // Only a reply answers a menu; anything else that wakes the node leaves it waiting.
    if (event.type !== 'input') return wait({ for: 'input' });
    const choice = matchChoice(event.message, sendMessageOptions(ctx.config));
    if (choice) return next(choice.id, { choiceId: choice.id, choiceTitle: choice.title });
    return next(OTHER_PORT, { text: anyMessageText(event.message) });
  },
});
