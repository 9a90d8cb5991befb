import type { FakeAnswer, RecordedRequest } from './fake-http-server';
import { FakeHttpServer } from './fake-http-server';

/** One message the fake accepted, with the form fields as sent (MediaUrl may repeat). */
export type TwilioFakeMessage = {
  sid: string;
  to: string;
  from: string;
  body?: string;
  mediaUrls: string[];
  statusCallback?: string;
};

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

/** Twilio's error body (`{code, message, more_info, status}`), for routes and for `failNext`. */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): FakeAnswer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, ...(headers ? { headers } : {}) };
}

/**
 * The Messages API of Twilio's REST API on 127.0.0.1 (channels.md §4.4): HTTP Basic auth with
 * AccountSid:AuthToken, a form body, 201 with a queued message. It checks what Twilio checks
 * first (auth, the account in the path, To/From/Body) so a test sees the same refusals.
 */
export class TwilioFake extends FakeHttpServer {
  readonly messages: TwilioFakeMessage[] = [];
  readonly messagesPath: string;
  private counter = 0;

  constructor(
    readonly accountSid: string,
    private readonly authToken: string,
  ) {
    super();
    this.messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    this.route((request) => this.answer(request));
  }

  /** The form of a recorded request, with repeated names kept (the generic parse keeps the last only). */
  static formOf(request: RecordedRequest): URLSearchParams {
    return new URLSearchParams(request.headers['content-type']?.includes('application/x-www-form-urlencoded') ? request.rawBody : '');
  }

  private answer(request: RecordedRequest): FakeAnswer | undefined {
    const match = MESSAGES_PATH.exec(request.path);
    if (!match || request.method !== 'POST') return undefined;
    if (!this.authorized(request.headers.authorization)) return twilioError(401, 20003, 'Authenticate');
    if (match[1] !== this.accountSid) return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    const form = TwilioFake.formOf(request);
    const refusal = this.validate(form);
    if (refusal) return refusal;
    return { status: 201, body: this.accept(form) };
  }

  private authorized(header: string | undefined): boolean {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    return header === expected;
  }

  private validate(form: URLSearchParams): FakeAnswer | undefined {
    if (!form.get('To')) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!form.get('From')) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!form.get('Body') && form.getAll('MediaUrl').length === 0) return twilioError(400, 21602, 'Message body is required.');
    if ((form.get('Body') ?? '').length > 1600) return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    return undefined;
  }

  private accept(form: URLSearchParams): Record<string, unknown> {
    this.counter += 1;
    const sid = `SM${this.counter.toString(16).padStart(32, '0')}`;
    const message: TwilioFakeMessage = {
      sid,
      to: form.get('To')!,
      from: form.get('From')!,
      ...(form.get('Body') !== null ? { body: form.get('Body')! } : {}),
      mediaUrls: form.getAll('MediaUrl'),
      ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}),
    };
    this.messages.push(message);
    return {
      sid,
      account_sid: this.accountSid,
      status: 'queued',
      to: message.to,
      from: message.from,
      body: message.body ?? '',
      num_media: String(message.mediaUrls.length),
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      messaging_service_sid: null,
      error_code: null,
      error_message: null,
      price: null,
      date_created: new Date().toUTCString().replace('GMT', '+0000'),
      uri: `${this.messagesPath.replace(/\.json$/, '')}/${sid}.json`,
    };
  }
}

/** A started fake: `url` is its base (the adapter's `apiBaseUrl`); close it after the test. */
export async function startTwilioFake(options: { accountSid: string; authToken: string }): Promise<TwilioFake> {
  return new TwilioFake(options.accountSid, options.authToken).start();
}
