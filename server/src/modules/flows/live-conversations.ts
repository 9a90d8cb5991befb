import type { FlowGraph } from '@fluxo/engine';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../platform/database/sql';
import type { LiveConversationPolicy } from './flows.dto';

/** What a publish did to the conversations still running older versions. */
export type LiveConversationsOutcome = { policy: LiveConversationPolicy; migrated: number; restarted: number };

type Position = { flowId?: unknown; version?: unknown; nodeId?: unknown };
type LiveRow = { id: string; status: string; flow_version: number | null; flow: Position | null; waiting_node: string | null; call_stack: Position[] | null };
type NodeKey = string; // `${type}@${typeVersion}`

/**
 * Applies the publish's policy to the flow's live conversations (source `live`, idle or waiting,
 * with state), inside the publish transaction:
 * - `drain`: nothing; each finishes on the version it started on.
 * - `restart`: state cleared, status idle; the next message starts the new version afresh.
 * - `migrate`: a waiting conversation moves to the new version when every node it stands on in
 *   this flow (the waiting node, and the return points of sub-flow calls) still exists there with
 *   the same type@version (resuming a different node's wait state would misbehave); every other
 *   live conversation restarts.
 * Restarted conversations' pending node timers are cancelled: the wait they ended no longer exists.
 */
export async function applyLiveConversationPolicy(
  db: EntityManager, tenantId: string, flowId: string, policy: LiveConversationPolicy, published: { version: number; graph: FlowGraph },
): Promise<LiveConversationsOutcome> {
  if (policy === 'drain') return { policy, migrated: 0, restarted: 0 };
  const live = await queryRows<LiveRow>(db,
    `SELECT id, status, flow_version, state->'flow' AS flow, state->'waiting'->>'nodeId' AS waiting_node, state->'callStack' AS call_stack
       FROM conversations
      WHERE tenant_id = $1 AND flow_id = $2 AND source = 'live' AND status IN ('idle', 'waiting') AND state IS NOT NULL
      ORDER BY id FOR UPDATE`,
    [tenantId, flowId]);
  if (live.length === 0) return { policy, migrated: 0, restarted: 0 };

  const moves: Array<{ id: string; flow: Position; callStack: Position[] }> = [];
  const restarts: string[] = [];
  if (policy === 'migrate') {
    const oldNodes = await nodesOfVersions(db, tenantId, flowId);
    const newNodes = nodeIndex(published.graph.nodes.map((n) => [n.id, n.type, n.typeVersion]));
    for (const row of live) {
      const move = planMove(row, flowId, published.version, oldNodes, newNodes);
      if (move) moves.push(move);
      else restarts.push(row.id);
    }
  } else {
    restarts.push(...live.map((row) => row.id));
  }
  if (moves.length) await moveConversations(db, tenantId, flowId, published.version, moves);
  if (restarts.length) await restartConversations(db, tenantId, flowId, restarts);
  return { policy, migrated: moves.length, restarted: restarts.length };
}

function planMove(
  row: LiveRow, flowId: string, version: number, oldNodes: Map<number, Map<string, NodeKey>>, newNodes: Map<string, NodeKey>,
): { id: string; flow: Position; callStack: Position[] } | null {
  if (row.status !== 'waiting' || !row.flow || !row.waiting_node) return null;
  const callStack = Array.isArray(row.call_stack) ? row.call_stack : [];
  const positions: Position[] = [
    ...(row.flow.flowId === flowId ? [{ ...row.flow, nodeId: row.waiting_node }] : []),
    ...callStack.filter((frame) => frame.flowId === flowId),
  ];
  const stillThere = positions.every(({ version: from, nodeId }) => {
    const before = typeof from === 'number' ? oldNodes.get(from)?.get(String(nodeId)) : undefined;
    return before !== undefined && before === newNodes.get(String(nodeId));
  });
  if (!stillThere) return null;
  const repin = (position: Position): Position => (position.flowId === flowId ? { ...position, version } : position);
  return { id: row.id, flow: repin(row.flow), callStack: callStack.map(repin) };
}

/** type@version of every node, by node id, for each version live conversations of the flow are on. */
async function nodesOfVersions(db: EntityManager, tenantId: string, flowId: string): Promise<Map<number, Map<string, NodeKey>>> {
  const rows = await queryRows<{ version: number; nodes: Array<[string, string, number]> | null }>(db,
    `SELECT v.version,
            (SELECT jsonb_agg(jsonb_build_array(n->>'id', n->>'type', n->'typeVersion')) FROM jsonb_array_elements(v.graph->'nodes') n) AS nodes
       FROM flow_versions v
      WHERE v.tenant_id = $1 AND v.flow_id = $2
        AND v.version IN (SELECT DISTINCT c.flow_version FROM conversations c
                           WHERE c.tenant_id = $1 AND c.flow_id = $2 AND c.source = 'live' AND c.status = 'waiting' AND c.state IS NOT NULL)`,
    [tenantId, flowId]);
  return new Map(rows.map((row) => [row.version, nodeIndex(row.nodes ?? [])]));
}

function nodeIndex(nodes: Array<[string, string, number]>): Map<string, NodeKey> {
  return new Map(nodes.map(([id, type, typeVersion]) => [id, `${type}@${typeVersion}`]));
}

async function moveConversations(db: EntityManager, tenantId: string, flowId: string, version: number, moves: Array<{ id: string; flow: Position; callStack: Position[] }>): Promise<void> {
  // One statement for every move; only `flow` and `callStack` change inside the state.
  await db.query(
    `UPDATE conversations c
        SET flow_version = $3, updated_at = now(),
            state = c.state || jsonb_build_object('flow', m.value->'flow', 'callStack', m.value->'callStack')
       FROM jsonb_array_elements($4::jsonb) AS m(value)
      WHERE c.tenant_id = $1 AND c.flow_id = $2 AND c.id = (m.value->>'id')::uuid`,
    [tenantId, flowId, version, JSON.stringify(moves)]);
}

async function restartConversations(db: EntityManager, tenantId: string, flowId: string, ids: string[]): Promise<void> {
  const idList = JSON.stringify(ids);
  await db.query(
    `UPDATE conversations SET state = NULL, status = 'idle', updated_at = now()
      WHERE tenant_id = $1 AND flow_id = $2 AND id IN (SELECT (jsonb_array_elements_text($3::jsonb))::uuid)`,
    [tenantId, flowId, idList]);
  await db.query(
    `UPDATE timers SET status = 'cancelled'
      WHERE tenant_id = $1 AND status = 'pending' AND kind = 'node' AND conversation_id IN (SELECT (jsonb_array_elements_text($2::jsonb))::uuid)`,
    [tenantId, idList]);
}

/** Used when a flow is deleted: its live conversations restart rather than wait on a flow that is gone. */
export async function restartAllLiveConversations(db: EntityManager, tenantId: string, flowId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(db,
    `SELECT id FROM conversations WHERE tenant_id = $1 AND flow_id = $2 AND source = 'live' AND status IN ('idle', 'waiting') AND state IS NOT NULL FOR UPDATE`,
    [tenantId, flowId]);
  if (rows.length) await restartConversations(db, tenantId, flowId, rows.map((row) => row.id));
  return rows.length;
}
