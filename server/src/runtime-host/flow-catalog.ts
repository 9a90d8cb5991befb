import { Injectable } from '@nestjs/common';
import { Engine, NodeRegistry } from '@fluxo/engine';
import type { Clock, FlowGraph, FlowSource, FlowVersion } from '@fluxo/engine';
import type { Queryable } from '../platform/database/sql';
import { queryOne, queryRows } from '../platform/database/sql';

/** Which versions a conversation's triggers and jumps see. */
export type FlowScope =
  /**
   * Real channels: every published flow of the tenant, or only those the channel names.
   * `published`, when the caller read it already (in the turn's own transaction), spares a query.
   */
  | { kind: 'live'; flowIds?: string[] | null; published?: PublishedFlow[] }
  /** A simulation of one flow's draft or published version. */
  | { kind: 'draft' | 'published'; flowId: string };

export type PublishedFlow = { id: string; version: number };

type VersionRow = { flow_id: string; version: number; graph: FlowGraph; settings: FlowRunSettings; name: string };
export type FlowRunSettings = { debounceMs?: number; sessionTimeoutMinutes?: number; sessionEndMessage?: string; fallbackMessage?: string };

const MAX_CACHED_VERSIONS = 2_000;
const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

/**
 * Flow versions for the engine. Published versions never change, so they are cached by
 * (flow, version) and keep the same graph object, which is what lets the engine reuse its
 * compiled form; drafts are cached by revision.
 */
@Injectable()
export class FlowCatalog {
  /** One engine for every tenant: each turn brings its tenant's flow source; the engine keeps compiled graphs. */
  readonly engine: Engine;
  private readonly versions = new Map<string, FlowVersion & { settings: FlowRunSettings }>();

  constructor(registry: NodeRegistry) {
    this.engine = new Engine({ registry, flows: { getFlow: () => null, triggerFlows: () => [] }, clock: systemClock });
  }

  /** A FlowSource reading inside `db` (the turn's transaction). */
  source(db: Queryable, tenantId: string, scope: FlowScope): FlowSource {
    return {
      getFlow: (flowId, version) => this.getFlow(db, tenantId, flowId, scope.kind === 'draft' && flowId === scope.flowId && version === undefined ? 'draft' : version),
      triggerFlows: () => this.triggerFlows(db, tenantId, scope),
    };
  }

  async getFlow(db: Queryable, tenantId: string, flowId: string, version?: number | 'draft'): Promise<(FlowVersion & { settings: FlowRunSettings }) | null> {
    if (version === 'draft') {
      const row = await queryOne<{ id: string; name: string; graph: FlowGraph; settings: FlowRunSettings; revision: number }>(db,
        `SELECT id, name, graph, settings, revision FROM flows WHERE id = $1 AND tenant_id = $2`, [flowId, tenantId]);
      if (!row) return null;
      return this.remember(`${flowId}:draft:${row.revision}`, () => ({ flowId, version: 'draft', name: row.name, graph: row.graph, settings: row.settings }));
    }
    let wanted = version;
    if (wanted === undefined) {
      const flow = await queryOne<{ published_version: number | null }>(db, `SELECT published_version FROM flows WHERE id = $1 AND tenant_id = $2`, [flowId, tenantId]);
      if (!flow?.published_version) return null;
      wanted = flow.published_version;
    }
    const cached = this.versions.get(`${flowId}:${wanted}`);
    if (cached) return cached;
    const row = await queryOne<VersionRow>(db,
      `SELECT v.flow_id, v.version, v.graph, v.settings, f.name FROM flow_versions v JOIN flows f ON f.id = v.flow_id
        WHERE v.flow_id = $1 AND v.version = $2 AND v.tenant_id = $3`, [flowId, wanted, tenantId]);
    if (!row) return null;
    return this.remember(`${flowId}:${wanted}`, () => ({ flowId, version: row.version, name: row.name, graph: row.graph, settings: row.settings }));
  }

  private async triggerFlows(db: Queryable, tenantId: string, scope: FlowScope): Promise<FlowVersion[]> {
    if (scope.kind !== 'live') {
      const flow = await this.getFlow(db, tenantId, scope.flowId, scope.kind === 'draft' ? 'draft' : undefined);
      return flow ? [flow] : [];
    }
    const only = scope.flowIds?.length ? new Set(scope.flowIds) : null;
    const published = scope.published
      ? scope.published.filter((flow) => !only || only.has(flow.id))
      : await queryRows<PublishedFlow>(db,
        `SELECT id, published_version AS version FROM flows WHERE tenant_id = $1 AND published_version IS NOT NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
          ORDER BY created_at`, [tenantId, only ? [...only] : null]);
    const flows = await Promise.all(published.map((f) => this.getFlow(db, tenantId, f.id, f.version)));
    return flows.filter((f): f is NonNullable<typeof f> => f !== null);
  }

  private remember(key: string, make: () => FlowVersion & { settings: FlowRunSettings }): FlowVersion & { settings: FlowRunSettings } {
    let version = this.versions.get(key);
    if (!version) {
      version = withFallbackMessage(make());
      if (this.versions.size >= MAX_CACHED_VERSIONS) this.versions.delete(this.versions.keys().next().value as string);
      this.versions.set(key, version);
    }
    return version;
  }
}

/** The engine reads a flow's fallback message from its graph; the studio keeps it in the flow's settings. */
function withFallbackMessage(version: FlowVersion & { settings: FlowRunSettings }): FlowVersion & { settings: FlowRunSettings } {
  const message = version.settings?.fallbackMessage;
  if (!message) return version;
  return { ...version, graph: { ...version.graph, settings: { ...version.graph.settings, fallbackMessage: message } } };
}
