import type { FlowGraph } from '@fluxo/engine';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../../platform/database/sql';
import type { FlowSettingsView } from './flows.dto';
import { flowNotFound } from './flows.errors';

/**
 * The SQL of flows and their versions. Every statement filters by tenant even though row-level
 * security would hide other tenants' rows anyway: two walls, either one enough.
 */

export type FlowRow = {
  id: string;
  name: string;
  graph: FlowGraph;
  revision: number;
  settings: unknown;
  published_version: number | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
};

export type FlowSummaryRow = Pick<FlowRow, 'id' | 'name' | 'revision' | 'published_version' | 'created_at' | 'updated_at'> & { live_conversations: number };

export type VersionRow = {
  version: number;
  changelog: string;
  created_at: Date;
  created_by: string | null;
  author_name: string | null;
  live_conversations: number;
  graph?: FlowGraph;
  settings?: unknown;
};

/** Conversations that are running (or about to resume) a version: they have state and have not ended. */
const LIVE = `c.source = 'live' AND c.status IN ('idle', 'waiting') AND c.state IS NOT NULL`;

const FLOW_COLUMNS = `f.id, f.name, f.graph, f.revision, f.settings, f.published_version, f.created_at, f.updated_at, f.updated_by, u.name AS updated_by_name`;

/** One flow; `lock` holds its row until the transaction ends, which serializes saves and publishes of one flow. */
export async function findFlow(db: EntityManager, tenantId: string, flowId: string, options: { lock?: boolean } = {}): Promise<FlowRow | undefined> {
  return queryOne<FlowRow>(db,
    `SELECT ${FLOW_COLUMNS} FROM flows f LEFT JOIN users u ON u.id = f.updated_by AND u.tenant_id = f.tenant_id
      WHERE f.tenant_id = $1 AND f.id = $2 ${options.lock ? 'FOR UPDATE OF f' : ''}`, [tenantId, flowId]);
}

/** The flow, or not found (404) whether it never existed, was deleted or belongs to another tenant. */
export async function requireFlow(db: EntityManager, tenantId: string, flowId: string, options: { lock?: boolean } = {}): Promise<FlowRow> {
  const flow = await findFlow(db, tenantId, flowId, options);
  if (!flow) throw flowNotFound();
  return flow;
}

export async function listFlows(db: EntityManager, tenantId: string): Promise<FlowSummaryRow[]> {
  return queryRows<FlowSummaryRow>(db,
    `SELECT f.id, f.name, f.revision, f.published_version, f.created_at, f.updated_at,
            (SELECT count(*)::int FROM conversations c WHERE c.tenant_id = f.tenant_id AND c.flow_id = f.id AND ${LIVE}) AS live_conversations
       FROM flows f WHERE f.tenant_id = $1 ORDER BY f.updated_at DESC, f.id`, [tenantId]);
}

export async function insertFlow(db: EntityManager, tenantId: string, flow: { name: string; graph: FlowGraph; settings: FlowSettingsView; userId: string | null }): Promise<string> {
  const row = await queryOne<{ id: string }>(db,
    `INSERT INTO flows (tenant_id, name, graph, settings, updated_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, flow.name, JSON.stringify(flow.graph), JSON.stringify(flow.settings), flow.userId]);
  return row!.id;
}

/** Writes the draft's changed parts and bumps its revision (the ETag). */
export async function updateDraft(
  db: EntityManager, tenantId: string, flowId: string,
  changes: { name?: string; graph?: FlowGraph; settings?: FlowSettingsView; userId: string | null },
): Promise<void> {
  await db.query(
    `UPDATE flows SET name = coalesce($3, name), graph = coalesce($4::jsonb, graph), settings = coalesce($5::jsonb, settings),
            revision = revision + 1, updated_at = now(), updated_by = $6
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, flowId, changes.name ?? null, changes.graph ? JSON.stringify(changes.graph) : null,
      changes.settings ? JSON.stringify(changes.settings) : null, changes.userId]);
}

export async function deleteFlow(db: EntityManager, tenantId: string, flowId: string): Promise<void> {
  await db.query(`DELETE FROM flows WHERE tenant_id = $1 AND id = $2`, [tenantId, flowId]);
  // The tenant's fallback flow is a plain uuid column (no foreign key): clear it rather than leave it pointing nowhere.
  await db.query(`UPDATE tenants SET fallback_flow_id = NULL WHERE id = $1 AND fallback_flow_id = $2`, [tenantId, flowId]);
}

/** Names of the tenant's flows that start with `prefix` (for "Menu (2)"-style import names). */
export async function flowNamesStartingWith(db: EntityManager, tenantId: string, prefix: string): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(db, `SELECT name FROM flows WHERE tenant_id = $1 AND starts_with(name, $2)`, [tenantId, prefix]);
  return new Set(rows.map((row) => row.name));
}

const VERSION_COLUMNS = `v.version, v.changelog, v.created_at, v.created_by, u.name AS author_name,
  (SELECT count(*)::int FROM conversations c WHERE c.tenant_id = v.tenant_id AND c.flow_id = v.flow_id AND c.flow_version = v.version AND ${LIVE}) AS live_conversations`;
const VERSION_FROM = `FROM flow_versions v LEFT JOIN users u ON u.id = v.created_by AND u.tenant_id = v.tenant_id`;

export async function listVersions(db: EntityManager, tenantId: string, flowId: string): Promise<VersionRow[]> {
  return queryRows<VersionRow>(db, `SELECT ${VERSION_COLUMNS} ${VERSION_FROM} WHERE v.tenant_id = $1 AND v.flow_id = $2 ORDER BY v.version DESC`, [tenantId, flowId]);
}

export async function findVersion(db: EntityManager, tenantId: string, flowId: string, version: number): Promise<Required<VersionRow> | undefined> {
  return queryOne<Required<VersionRow>>(db,
    `SELECT ${VERSION_COLUMNS}, v.graph, v.settings ${VERSION_FROM} WHERE v.tenant_id = $1 AND v.flow_id = $2 AND v.version = $3`, [tenantId, flowId, version]);
}

/** Inserts the next version (1, 2, 3…). The caller holds the flow's row lock, so two publishes cannot pick one number. */
export async function insertNextVersion(
  db: EntityManager, tenantId: string, flowId: string,
  version: { graph: FlowGraph; settings: unknown; changelog: string; userId: string | null },
): Promise<number> {
  const row = await queryOne<{ version: number }>(db,
    `INSERT INTO flow_versions (tenant_id, flow_id, version, graph, settings, changelog, created_by)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6 FROM flow_versions WHERE tenant_id = $1 AND flow_id = $2
     RETURNING version`,
    [tenantId, flowId, JSON.stringify(version.graph), JSON.stringify(version.settings ?? {}), version.changelog, version.userId]);
  await db.query(`UPDATE flows SET published_version = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, flowId, row!.version]);
  return row!.version;
}
