import type { OutboundMessage } from '@fluxo/node-sdk';
import type { SendRequest, SendResult } from '../channel-adapter';
import type { ProviderFetch, ProviderResponse } from '../provider-http';
import type { TwilioConfig } from './twilio.config';
import { isWhatsAppSender } from './twilio.config';
import { failureOfAnswer, failureOfNetwork } from './twilio.errors';

export const TWILIO_MAX_BODY = 1600;

export type TwilioSendOptions = {
  timeoutMs: number;
  now: () => Date;
  fetch: ProviderFetch;
};

type SendFailure = Extract<SendResult, { ok: false }>;

const unsupported = (message: string): SendFailure => ({ ok: false, category: 'unsupported', retriable: false, message });
const invalid = (message: string): SendFailure => ({ ok: false, category: 'invalid_request', retriable: false, message });

/**
 * Twilio wants the channel prefix on both ends. The host normally hands back the From it
 * received (`whatsapp:+…`), which goes as is; a bare number (a proactive send to a contact's
 * phone) gets the sender's prefix and a '+'.
 */
export function twilioAddress(to: string, from: string): string {
  if (to.includes(':')) return to;
  const e164 = to.startsWith('+') ? to : `+${to.replace(/\D/g, '')}`;
  return isWhatsAppSender(from) ? `whatsapp:${e164}` : e164;
}

type Fields = { ok: true; fields: Record<string, string> };

/** The Body/MediaUrl part of the form; a failure for what Twilio cannot carry inline. */
function contentFields(message: OutboundMessage): Fields | SendFailure {
  switch (message.kind) {
    case 'text':
      if (message.text.length > TWILIO_MAX_BODY) return invalid(`Twilio takes at most ${TWILIO_MAX_BODY} characters in Body; got ${message.text.length} (the host splits long text first).`);
      return { ok: true, fields: { Body: message.text } };
    case 'media':
      if (!/^https?:\/\//i.test(message.url)) return invalid('Twilio downloads media itself: the media needs a public http(s) URL.');
      if (message.caption && message.caption.length > TWILIO_MAX_BODY) return invalid(`The caption is longer than Twilio's ${TWILIO_MAX_BODY} characters.`);
      return { ok: true, fields: { MediaUrl: message.url, ...(message.caption ? { Body: message.caption } : {}) } };
    default:
      // Buttons and lists need pre-built Content API resources (ContentSid), and templates too:
      // the host degrades them to numbered text / address + maps link before they get here.
      return unsupported(`Twilio cannot send a '${message.kind}' message without a Content API template (ContentSid); send it as text.`);
  }
}

function formOf(request: SendRequest, config: TwilioConfig, webhookUrl: string | undefined): URLSearchParams | SendFailure {
  const content = contentFields(request.message);
  if (!content.ok) return content;
  const form = new URLSearchParams({ To: twilioAddress(request.to, config.from), From: config.from, ...content.fields });
  if (webhookUrl) form.set('StatusCallback', webhookUrl);
  return form;
}

/** Provider text could in theory echo what we sent; the token must never reach logs or the UI. */
function scrub(result: SendFailure, config: TwilioConfig): SendFailure {
  return result.message.includes(config.authToken) ? { ...result, message: result.message.split(config.authToken).join('***') } : result;
}

async function readBody(response: ProviderResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One message through the Messages API (channels.md §4.4). Twilio takes no idempotency key, so a
 * retry after a timeout can send twice; that is the host's trade-off to make, not ours.
 */
export async function sendTwilioMessage(request: SendRequest, config: TwilioConfig, webhookUrl: string | undefined, options: TwilioSendOptions): Promise<SendResult> {
  if (request.message.kind === 'typing') return { ok: true, externalMessageId: '' }; // Twilio has no typing indicator: a no-op, never an error
  const form = formOf(request, config, webhookUrl);
  if (!(form instanceof URLSearchParams)) return form;
  const url = `${config.apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`, 'utf8').toString('base64')}`;
  let response: ProviderResponse;
  let body: unknown;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    body = await readBody(response);
  } catch (error) {
    return failureOfNetwork(error, options.timeoutMs);
  }
  if (!response.ok) return scrub(failureOfAnswer(response.status, body, response.headers.get('retry-after'), options.now()), config);
  const sid = (body as { sid?: unknown } | undefined)?.sid;
  if (typeof sid === 'string' && sid) return { ok: true, externalMessageId: sid };
  // Accepted but unidentifiable: retrying could send it twice, and statuses could never be matched.
  return { ok: false, category: 'provider', retriable: false, message: `Twilio answered HTTP ${response.status} without a message sid.` };
}
