import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWhatsAppCloudBody } from '../../support/fake-providers/whatsapp-cloud-fake';
import type { TestApp } from '../../support/test-app';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples', 'flows');

/** Imports and publishes an example flow (examples/flows/<name>.json); returns its id and graph. */
export type ExampleGraph = { nodes: Array<{ id: string; config: Record<string, unknown> }> };

export async function publishExample(t: TestApp, token: string, name: string): Promise<{ id: string; graph: ExampleGraph }> {
  return publishFlow(t, token, JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as unknown);
}

/** Imports and publishes a flow (the body of POST /api/flows/import); returns its id and graph. */
export async function publishFlow(t: TestApp, token: string, flow: unknown): Promise<{ id: string; graph: ExampleGraph }> {
  const imported = await t.client.request('POST', '/api/flows/import', { token, body: flow });
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const published = await t.client.request('POST', `/api/flows/${imported.body.id}/publish`, { token, body: { changelog: 'test' } });
  if (published.status !== 201) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return imported.body;
}

type FlowStep = { id: string; type: string; config: Record<string, unknown> };

/** A flow (the body of POST /api/flows/import) whose nodes run one after the other, laid out left to right. */
export function straightFlow(name: string, steps: FlowStep[]): { name: string; graph: Record<string, unknown> } {
  return {
    name,
    graph: {
      schemaVersion: 1,
      nodes: steps.map((step, index) => ({ ...step, typeVersion: 1, position: { x: index * 240, y: 0 } })),
      edges: steps.slice(1).map((step, index) => ({ id: `e${index}`, source: steps[index]!.id, sourcePort: 'out', target: step.id })),
      variables: [],
    },
  };
}

export async function createChannel(t: TestApp, token: string, body: Record<string, unknown>): Promise<{ id: string; webhookUrl: string }> {
  const created = await t.client.request('POST', '/api/channels', { token, body });
  if (created.status !== 201) throw new Error(`channel creation failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** The webhook path of a channel's URL (the tests call the server on its own address, not PUBLIC_URL). */
export const pathOf = (webhookUrl: string) => new URL(webhookUrl).pathname;

/** Posts raw bytes the way a provider does. */
export async function postWebhook(t: TestApp, path: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** A customer's webhook as Meta posts it (signed with the test app secret); expects 200. */
export async function postWhatsAppCloud(t: TestApp, channel: { webhookUrl: string }, body: Buffer): Promise<void> {
  const posted = await postWebhook(t, pathOf(channel.webhookUrl), body, { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppCloudBody(body) });
  if (posted.status !== 200) throw new Error(`the webhook answered ${posted.status}: ${posted.text}`);
}

/** The clinic example's first answer depends on the hour (business hours): the text of the port the turn took. */
export async function clinicGreetingFor(t: TestApp, conversationId: string, graph: ExampleGraph): Promise<string> {
  const [turn] = await t.database.dataSource.query(`SELECT trace FROM turns WHERE conversation_id = $1 ORDER BY seq LIMIT 1`, [conversationId]);
  const hours = (turn.trace as Array<{ nodeId: string; port?: string }>).find((step) => step.nodeId === 'horario');
  const node = graph.nodes.find((n) => n.id === (hours?.port === 'open' ? 'boas_vindas' : 'fechado'));
  return String(node?.config.text);
}

export async function countRows(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [row] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM (${sql}) q`, params);
  return row.count as number;
}

/**
 * What a delivery wait found, for its timeout error: the tenant's inbound messages and turns, the
 * outbox rows still open, and the delivery leases held.
 */
export function deliveryState(t: TestApp, what: string, extra: () => string = () => ''): () => Promise<string> {
  return async () => {
    const db = t.database.dataSource;
    const inbound = await db.query(`SELECT type, status, created_at FROM messages WHERE direction = 'in' ORDER BY created_at DESC LIMIT 5`);
    const turns = await db.query(`SELECT status, created_at FROM turns ORDER BY created_at DESC LIMIT 5`);
    const outbox = await db.query(`SELECT idempotency_key, status, attempts, last_error, next_attempt_at, now() AS db_now FROM outbox WHERE status <> 'sent' ORDER BY seq`);
    const leases = await db.query(`SELECT conversation_id, until, now() AS db_now FROM delivery_leases`);
    return `${what} (latest inbound ${JSON.stringify(inbound)}; latest turns ${JSON.stringify(turns)}; open outbox ${JSON.stringify(outbox)}; leases ${JSON.stringify(leases)}${extra()})`;
  };
}
