import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const TEXT_FIXTURE = join(__dirname, '..', '..', 'test', 'fixtures', 'channels', 'whatsapp-cloud', 'text.json');

type Fixture = {
  entry: Array<{ changes: Array<{ value: {
    metadata: { phone_number_id: string };
    contacts: Array<{ profile: { name: string }; wa_id: string; user_id?: string }>;
    messages: Array<{ from: string; from_user_id?: string; id: string; timestamp: string; text: { body: string } }>;
  } }> }>;
};

export type InboundText = { phoneNumberId: string; from: string; name: string; wamid: string; text: string };

/** Customer text messages shaped like the fixture (test/fixtures/channels/whatsapp-cloud/text.json), with their fields varied. */
export class InboundBodies {
  private readonly fixture = JSON.parse(readFileSync(TEXT_FIXTURE, 'utf8')) as Fixture;

  /** The exact bytes to post, and the X-Hub-Signature-256 Meta would send for them. */
  build(message: InboundText, appSecret: string): { body: Buffer; signature: string } {
    const payload = structuredClone(this.fixture);
    const value = payload.entry[0]!.changes[0]!.value;
    value.metadata.phone_number_id = message.phoneNumberId;
    value.contacts[0]!.wa_id = message.from;
    value.contacts[0]!.profile.name = message.name;
    value.contacts[0]!.user_id = `BR.${message.from}`;
    const inbound = value.messages[0]!;
    inbound.from = message.from;
    inbound.from_user_id = `BR.${message.from}`;
    inbound.id = message.wamid;
    inbound.timestamp = String(Math.floor(Date.now() / 1000));
    inbound.text.body = message.text;
    const body = Buffer.from(JSON.stringify(payload));
    return { body, signature: `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}` };
  }
}

/** Posts webhooks over a bounded pool of keep-alive connections (as Meta's senders would hold). */
export class WebhookPoster {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** Resolves with the status once the whole answer arrived, or 0 when the connection failed: the phases count that as an error and go on. */
  post(path: string, body: Buffer, signature: string): Promise<number> {
    return new Promise((resolve) => {
      const failed = () => resolve(0);
      const req = request({
        host: this.host, port: this.port, path, method: 'POST', agent: this.agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-hub-signature-256': signature },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', failed);
      });
      req.on('error', failed);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
