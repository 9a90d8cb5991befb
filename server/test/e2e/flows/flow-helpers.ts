import type { FlowGraph } from '@fluxo/engine';
import { graphOf } from '../../factories/flow-factory';
import type { TestApp } from '../../support/test-app';

/** A member of the owner's tenant with the given role, logged in: their access token. */
export async function memberToken(t: TestApp, ownerToken: string, role: 'editor' | 'viewer' | 'agent'): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const invited = await t.client.request('POST', '/api/users', { token: ownerToken, body: { email, name: `Member ${role}`, role, password: 'member-password' } });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const login = await t.client.request('POST', '/api/auth/login', { body: { email, password: 'member-password' } });
  return login.body.accessToken as string;
}

/** trigger → ask name → goodbye: a small publishable flow. */
export const askNameGraph = (): FlowGraph => graphOf(
  [
    ['start', 'fluxo.messageTrigger', { mode: 'any' }],
    ['ask', 'fluxo.askQuestion', { question: 'Qual é o seu nome?', answerType: 'text', variable: 'nome' }],
    ['bye', 'fluxo.sendMessage', { kind: 'text', text: 'Até logo, {{ vars.nome }}!' }],
  ],
  ['start>ask', 'ask>bye'],
);

type ConversationSpec = {
  tenantId: string;
  flowId: string;
  version: number | null;
  status: 'idle' | 'waiting' | 'ended' | 'failed';
  /** The node the conversation waits on (status waiting), in `flowId`. */
  waitingOn?: string;
  source?: 'live' | 'draft' | 'published';
  /** No state at all (a conversation that never started or was reset). */
  noState?: boolean;
};

/** A contact and a conversation on a flow version, written with SQL as the runtime would leave them. */
export async function insertConversation(t: TestApp, spec: ConversationSpec): Promise<string> {
  const db = t.database.dataSource;
  const key = `5511${Math.floor(Math.random() * 1e9)}`;
  const [contact] = await db.query(`INSERT INTO contacts (tenant_id, channel, external_id) VALUES ($1, 'whatsapp', $2) RETURNING id`, [spec.tenantId, key]);
  const state = spec.noState ? null : {
    schemaVersion: 1, status: spec.status, flow: { flowId: spec.flowId, version: spec.version }, vars: { nome: 'Ana' }, nodes: {}, callStack: [], turns: 1,
    ...(spec.waitingOn ? { waiting: { flowId: spec.flowId, nodeId: spec.waitingOn, for: 'input' } } : {}),
  };
  const [conversation] = await db.query(
    `INSERT INTO conversations (tenant_id, contact_id, channel, external_key, source, flow_id, flow_version, state, status)
     VALUES ($1, $2, 'whatsapp', $3, $4, $5, $6, $7, $8) RETURNING id`,
    [spec.tenantId, contact.id, key, spec.source ?? 'live', spec.flowId, spec.version, state === null ? null : JSON.stringify(state), spec.status]);
  return conversation.id as string;
}

export async function conversationRow(t: TestApp, id: string): Promise<{ status: string; flow_version: number | null; state: any }> {
  const [row] = await t.database.dataSource.query(`SELECT status, flow_version, state FROM conversations WHERE id = $1`, [id]);
  return row;
}

export async function auditActions(t: TestApp, tenantId: string, targetId: string): Promise<string[]> {
  const rows = await t.database.dataSource.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND target_id = $2 ORDER BY created_at, action`, [tenantId, targetId]);
  return rows.map((row: { action: string }) => row.action);
}
