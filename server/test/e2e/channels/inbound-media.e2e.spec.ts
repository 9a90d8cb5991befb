import { startWhatsAppCloudFake, whatsAppCloudFixture } from '../../support/fake-providers/whatsapp-cloud-fake';
import type { WhatsAppCloudFake } from '../../support/fake-providers/whatsapp-cloud-fake';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { createChannel, postWhatsAppCloud, publishFlow, straightFlow } from './channel-test-support';

/** A question that wants a file: the customer's photo comes back to the flow as a download link. */
const PRESCRIPTION_FLOW = straightFlow('Receita por foto', [
  { id: 'start', type: 'fluxo.messageTrigger', config: { mode: 'any' } },
  { id: 'pede', type: 'fluxo.askQuestion', config: { question: 'Envie a foto do pedido médico', answerType: 'file', variable: 'pedido' } },
  { id: 'ok', type: 'fluxo.sendMessage', config: { kind: 'text', text: 'Recebemos ({{ vars.pedido.mime }}): {{ vars.pedido.caption }}' } },
  { id: 'fim', type: 'fluxo.end', config: {} },
]);

const MEDIA_ID = '1093847561029384'; // the image fixture's media id
const JPEG = 'JFIF fake jpeg bytes 0123456789';

/** The image fixture, sent by the text fixture's customer (so both reach one conversation). */
function photoFromTextCustomer(): Buffer {
  const text = JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'));
  const photo = JSON.parse(whatsAppCloudFixture('image-caption.json').toString('utf8'));
  const value = photo.entry[0].changes[0].value;
  value.contacts = text.entry[0].changes[0].value.contacts;
  Object.assign(value.messages[0], { from: text.entry[0].changes[0].value.messages[0].from, from_user_id: text.entry[0].changes[0].value.messages[0].from_user_id });
  return Buffer.from(JSON.stringify(photo));
}

describe('inbound media: a file question gets a signed download link that fetches the file from the Cloud API (Postgres)', () => {
  const t = useTestApp();
  let fake: WhatsAppCloudFake;
  let channel: { id: string; webhookUrl: string };

  beforeAll(async () => {
    fake = await startWhatsAppCloudFake();
    fake.addMedia(MEDIA_ID, { mimeType: 'image/jpeg', content: JPEG });
    const owner = await t.client.signup();
    await publishFlow(t, owner.token, PRESCRIPTION_FLOW);
    channel = await createChannel(t, owner.token, { type: 'whatsapp_cloud', name: 'WhatsApp', config: fake.channelConfig() });
  });
  afterAll(async () => {
    await fake.close();
  });

  const post = (body: Buffer) => postWhatsAppCloud(t, channel, body);
  const texts = () => fake.sent().map((m) => (m.body.text as { body?: string } | undefined)?.body);

  it('stores the photo as a link; the link serves the bytes with the channel token, and refuses a tampered or missing signature', async () => {
    await post(whatsAppCloudFixture('text.json'));
    await waitFor(async () => texts().includes('Envie a foto do pedido médico'), 10_000, 'the question sent');
    await post(photoFromTextCustomer());
    await waitFor(async () => texts().some((text) => text?.startsWith('Recebemos')), 10_000, 'the confirmation sent');
    expect(texts().at(-1)).toBe('Recebemos (image/jpeg): Segue a foto do pedido médico 📄');

    const [conversation] = await t.database.dataSource.query(`SELECT state FROM conversations WHERE channel_id = $1`, [channel.id]);
    const stored = conversation.state.vars.pedido as { type: string; url: string; mime: string; expiresAt: string };
    expect(stored).toMatchObject({ type: 'image', mime: 'image/jpeg', caption: 'Segue a foto do pedido médico 📄' });
    // The link is Fluxo's: the provider's URL and the access token never reach the flow.
    expect(stored.url).toMatch(new RegExp(`/media/${channel.id}/${MEDIA_ID}\\?expires=\\d+&signature=`));
    expect(JSON.stringify(conversation.state)).not.toContain(fake.channelConfig().accessToken as string);
    expect(Date.parse(stored.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);

    const link = new URL(stored.url);
    const download = await fetch(`${t.baseUrl}${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^image\/jpeg/);
    expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe(JPEG);
    // The server looked the media id up and downloaded the file, both with the channel's token.
    expect(fake.mediaRequests().map((request) => [request.path, request.headers.authorization])).toEqual([
      [`/${fake.channelConfig().apiVersion as string}/${MEDIA_ID}`, `Bearer ${fake.channelConfig().accessToken as string}`],
      [`/media-download/${MEDIA_ID}`, `Bearer ${fake.channelConfig().accessToken as string}`],
    ]);

    link.searchParams.set('signature', `${link.searchParams.get('signature')!.slice(0, -2)}xx`);
    const tampered = await fetch(`${t.baseUrl}${link.pathname}${link.search}`);
    expect(tampered.status).toBe(401);
    expect(((await tampered.json()) as { error: { message: string } }).error.message).toMatch(/not valid/);
    expect((await fetch(`${t.baseUrl}${link.pathname}`)).status).toBe(401);
  });

  it('answers 503 with the reason when the provider no longer has the file', async () => {
    const [conversation] = await t.database.dataSource.query(`SELECT state FROM conversations WHERE channel_id = $1`, [channel.id]);
    const link = new URL((conversation.state.vars.pedido as { url: string }).url);
    fake.forgetMedia(MEDIA_ID);
    const gone = await fetch(`${t.baseUrl}${link.pathname}${link.search}`);
    expect(gone.status).toBe(503);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/could not be fetched.*does not exist/);
  });
});
