import type { OutboundListSection, OutboundMessage } from '@fluxo/node-sdk';
import type { ChannelCapabilities } from '../adapters/channel-adapter';
import { renderNumberedMenu } from './numbered-menu';
import type { MenuLanguage, NumberedMenu } from './numbered-menu';
import { splitText } from './split-text';

/**
 * Turns one message into what a channel can show (channels.md §6.5, §6.6), so adapters only
 * ever translate shapes they support. Pure: the host stores `menu` with the conversation to map
 * the next reply back with `matchNumberedReply`.
 */

export type DegradedOutbound = {
  /** In order; each is sent only after the previous one was accepted. Empty: send nothing. */
  messages: OutboundMessage[];
  /** Present when buttons or a list became numbered text. */
  menu?: NumberedMenu;
};

type ButtonsMessage = Extract<OutboundMessage, { kind: 'buttons' }>;
type ListMessage = Extract<OutboundMessage, { kind: 'list' }>;
type MediaMessage = Extract<OutboundMessage, { kind: 'media' }>;
type LocationMessage = Extract<OutboundMessage, { kind: 'location' }>;

const LIST_BUTTON_LABEL: Record<MenuLanguage, string> = { 'pt-BR': 'Ver opções', en: 'See options' };

export function degradeForChannel(message: OutboundMessage, capabilities: ChannelCapabilities, language: MenuLanguage = 'pt-BR'): DegradedOutbound {
  const max = capabilities.maxTextLength;
  switch (message.kind) {
    case 'text':
      return { messages: textMessages(message.text, max, message.previewUrl) };
    case 'buttons':
      return degradeButtons(message, capabilities, language);
    case 'list':
      return degradeList(message, capabilities, language);
    case 'media':
      return { messages: capabilities.media ? withCaptionWithin(message, max) : textMessages(mediaText(message), max) };
    case 'location':
      return { messages: capabilities.location ? [message] : textMessages(locationText(message), max) };
    case 'typing':
      // §6.6: typing where unsupported is a no-op, never an error.
      return { messages: capabilities.typing ? [message] : [] };
    case 'template':
      // Whether a template may or must be sent depends on the service window: the host decides.
      return { messages: [message] };
  }
}

/** Buttons as buttons, else as a one-section list, else as numbered text. */
function degradeButtons(message: ButtonsMessage, capabilities: ChannelCapabilities, language: MenuLanguage): DegradedOutbound {
  const { buttons } = message;
  if (buttons.length === 0) return { messages: textMessages(message.text, capabilities.maxTextLength) };
  if (fits(buttons, capabilities.maxButtons, capabilities.buttonTitleMax)) {
    return { messages: withBodyWithin(message, capabilities.maxTextLength) };
  }
  const sections: OutboundListSection[] = [{ rows: buttons.map(({ id, title }) => ({ id, title })) }];
  if (fits(buttons, capabilities.maxListRows, capabilities.listRowTitleMax)) {
    const list: ListMessage = { kind: 'list', text: message.text, buttonLabel: LIST_BUTTON_LABEL[language], sections, ...headerAndFooter(message) };
    return { messages: withBodyWithin(list, capabilities.maxTextLength) };
  }
  return numbered(message, sections, capabilities, language);
}

function degradeList(message: ListMessage, capabilities: ChannelCapabilities, language: MenuLanguage): DegradedOutbound {
  const rows = message.sections.flatMap((section) => section.rows);
  if (rows.length === 0) return { messages: textMessages(message.text, capabilities.maxTextLength) };
  if (fits(rows, capabilities.maxListRows, capabilities.listRowTitleMax)) {
    return { messages: withBodyWithin(message, capabilities.maxTextLength) };
  }
  return numbered(message, message.sections, capabilities, language);
}

/** A limit of 0 means the channel has none of them. Lengths in UTF-16 units, as in split-text. */
function fits(options: Array<{ title: string }>, maxCount: number, maxTitle: number): boolean {
  return options.length <= maxCount && options.every((option) => option.title.length <= maxTitle);
}

function numbered(message: ButtonsMessage | ListMessage, sections: OutboundListSection[], capabilities: ChannelCapabilities, language: MenuLanguage): DegradedOutbound {
  const { text, menu } = renderNumberedMenu({ text: message.text, sections, ...headerAndFooter(message) }, language);
  return { messages: textMessages(text, capabilities.maxTextLength), menu };
}

function headerAndFooter(message: ButtonsMessage | ListMessage): { header?: string; footer?: string } {
  return {
    ...(message.header === undefined ? {} : { header: message.header }),
    ...(message.footer === undefined ? {} : { footer: message.footer }),
  };
}

function textMessages(text: string, max: number, previewUrl?: boolean): OutboundMessage[] {
  return splitText(text, max).map((part) => (previewUrl === undefined ? { kind: 'text', text: part } : { kind: 'text', text: part, previewUrl }));
}

/**
 * An interactive message whose body is too long: the leading parts go first as plain text and
 * the options come last, with the final part, where the customer answers them.
 */
function withBodyWithin(message: ButtonsMessage | ListMessage, max: number): OutboundMessage[] {
  const parts = splitText(message.text, max);
  const last = parts.pop();
  if (last === undefined || parts.length === 0) return [message];
  return [...parts.map((part): OutboundMessage => ({ kind: 'text', text: part })), { ...message, text: last }];
}

/** Same for a caption: the media comes last, with the part of the text that introduces it. */
function withCaptionWithin(message: MediaMessage, max: number): OutboundMessage[] {
  const parts = splitText(message.caption ?? '', max);
  const last = parts.pop();
  if (last === undefined || parts.length === 0) return [message];
  return [...parts.map((part): OutboundMessage => ({ kind: 'text', text: part })), { ...message, caption: last }];
}

/** §6.6: media the channel cannot send becomes its caption (or file name) and the link. */
function mediaText(message: MediaMessage): string {
  return [message.caption ?? message.fileName, message.url].filter(isPresent).join('\n');
}

/** §6.6: a location becomes its name, address and a maps link anyone can open. */
function locationText(message: LocationMessage): string {
  return [message.name, message.address, `https://maps.google.com/?q=${message.lat},${message.lng}`].filter(isPresent).join('\n');
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
