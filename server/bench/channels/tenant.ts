import { api } from '../api';
import type { LeanGraphFake } from './graph-fake';
import type { ChannelBenchServer } from './server-process';

export type Channel = { id: string; path: string; phoneNumberId: string; appSecret: string };
export type Tenant = { token: string; channels: Channel[] };

/** message trigger (any) → "Recebido: <text>" → end. The flow does as little as a flow can, so the figures are the channel pipeline's. */
const ECHO_FLOW = {
  name: 'Bench: eco',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, config: { mode: 'any' } },
      { id: 'reply', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 240, y: 0 }, config: { kind: 'text', text: 'Recebido: {{ trigger.text }}' } },
      { id: 'done', type: 'fluxo.end', typeVersion: 1, position: { x: 480, y: 0 }, config: {} },
    ],
    edges: [{ id: 'e0', source: 'start', sourcePort: 'out', target: 'reply' }, { id: 'e1', source: 'reply', sourcePort: 'out', target: 'done' }],
    variables: [],
  },
};

/** A tenant with the echo flow published and `count` WhatsApp Cloud channels, each its own business number on the fake. */
export async function setUpTenant(server: ChannelBenchServer, fake: LeanGraphFake, count: number, numberBase: number): Promise<Tenant> {
  const session = await api(server.baseUrl, 'POST', '/api/auth/signup', undefined, { tenantName: 'Bench', name: 'Bench', email: `bench-${Date.now()}-${numberBase}@example.com`, password: 'bench-password' });
  const token = session.accessToken!;
  const flow = await api(server.baseUrl, 'POST', '/api/flows/import', token, ECHO_FLOW);
  await api(server.baseUrl, 'POST', `/api/flows/${flow.id}/publish`, token, { changelog: 'bench' });
  const channels: Channel[] = [];
  for (let i = 0; i < count; i += 1) {
    const phoneNumberId = String(numberBase + i);
    const accessToken = `EAAbench-token-${numberBase + i}`;
    const appSecret = `bench-app-secret-${i}-${'0'.repeat(16)}`;
    fake.addNumber(phoneNumberId, accessToken);
    const created = await api<{ id: string; webhookUrl: string }>(server.baseUrl, 'POST', '/api/channels', token, {
      type: 'whatsapp_cloud', name: `WhatsApp ${i + 1}`,
      config: { phoneNumberId, accessToken, appSecret, verifyToken: `bench-verify-${i}`, apiBaseUrl: fake.url, apiVersion: fake.version },
    });
    channels.push({ id: created.id, path: new URL(created.webhookUrl).pathname, phoneNumberId, appSecret });
  }
  return { token, channels };
}

/**
 * Customer `index` of a phase: its wa_id, from the phase's own `firstNumber` on so that no two
 * phases write in the same conversation, and the channel it writes to, the customers spread evenly.
 */
export function customerAt(channels: Channel[], firstNumber: number, index: number): { channel: Channel; from: string; name: string } {
  return { channel: channels[index % channels.length]!, from: `55119${String(firstNumber + index).padStart(8, '0')}`, name: `Cliente ${index}` };
}
