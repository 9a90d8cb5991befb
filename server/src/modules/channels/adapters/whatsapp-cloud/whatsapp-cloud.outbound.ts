import type { OutboundMessage } from '@fluxo/node-sdk';
import type { SendRequest } from '../channel-adapter';
import { defined } from './whatsapp-cloud.objects';

type Message<K extends OutboundMessage['kind']> = Extract<OutboundMessage, { kind: K }>;
export type GraphBody = Record<string, unknown>;

/**
 * One outbound message → the JSON body of `POST /{version}/{phone_number_id}/messages`
 * (channels.md §2.7). The message is already degraded to the channel's capabilities; nothing is
 * cut or rearranged here, so an oversize message reaches Meta and comes back as its error.
 *
 * Returns undefined when there is nothing to send: typing without an inbound message to mark
 * read (Meta's typing indicator hangs off one), or typing off (the indicator has no "off").
 */
export function buildMessageBody(request: SendRequest): GraphBody | undefined {
  const { message } = request;
  if (message.kind === 'typing') return typingBody(message, request.replyToExternalMessageId);
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: request.to,
    ...content(message),
    ...(request.replyToExternalMessageId ? { context: { message_id: request.replyToExternalMessageId } } : {}),
    // Echoed back in every status of this message, which ties a status to our outbox row.
    biz_opaque_callback_data: request.idempotencyKey,
  };
}

function content(message: Exclude<OutboundMessage, { kind: 'typing' }>): GraphBody {
  switch (message.kind) {
    case 'text':
      return { type: 'text', text: { preview_url: message.previewUrl ?? false, body: message.text } };
    case 'buttons':
      return { type: 'interactive', interactive: buttonsInteractive(message) };
    case 'list':
      return { type: 'interactive', interactive: listInteractive(message) };
    case 'media':
      return mediaContent(message);
    case 'location':
      return { type: 'location', location: defined({ latitude: message.lat, longitude: message.lng, name: message.name, address: message.address }) };
    case 'template':
      return { type: 'template', template: templatePayload(message) };
  }
}

function buttonsInteractive(message: Message<'buttons'>): GraphBody {
  return defined({
    type: 'button',
    header: message.header ? { type: 'text', text: message.header } : undefined,
    body: { text: message.text },
    footer: message.footer ? { text: message.footer } : undefined,
    action: { buttons: message.buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } })) },
  });
}

function listInteractive(message: Message<'list'>): GraphBody {
  return defined({
    type: 'list',
    header: message.header ? { type: 'text', text: message.header } : undefined,
    body: { text: message.text },
    footer: message.footer ? { text: message.footer } : undefined,
    action: {
      button: message.buttonLabel,
      sections: message.sections.map((section) =>
        defined({ title: section.title, rows: section.rows.map((row) => defined({ id: row.id, title: row.title, description: row.description })) }),
      ),
    },
  });
}

/**
 * Meta takes a caption on image, video and document only, and a file name on documents only;
 * anything else is rejected, so those fields are left out rather than sent. A voice note is an
 * `audio` message: WhatsApp shows an OGG/Opus file as a voice note by itself.
 */
function mediaContent(message: Message<'media'>): GraphBody {
  const type = message.mediaType === 'voice' ? 'audio' : message.mediaType;
  const takesCaption = type === 'image' || type === 'video' || type === 'document';
  return {
    type,
    [type]: defined({
      link: message.url,
      caption: takesCaption ? message.caption : undefined,
      filename: type === 'document' ? message.fileName : undefined,
    }),
  };
}

/**
 * Body parameters follow `Object.entries(variables)` order, which is the template's {{1}}, {{2}}…
 * order when the keys are "1", "2"… (JavaScript lists integer-like keys first, ascending, then
 * the others in insertion order). Name variables "1", "2"… to be safe; other keys only keep
 * their insertion order.
 */
function templatePayload(message: Message<'template'>): GraphBody {
  const parameters = Object.values(message.variables).map((text) => ({ type: 'text', text }));
  return {
    name: message.name,
    language: { code: message.language },
    ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
  };
}

function typingBody(message: Message<'typing'>, inboundMessageId: string | undefined): GraphBody | undefined {
  if (!message.on || !inboundMessageId) return undefined;
  return { messaging_product: 'whatsapp', status: 'read', message_id: inboundMessageId, typing_indicator: { type: 'text' } };
}

