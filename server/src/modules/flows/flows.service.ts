import { Injectable } from '@nestjs/common';
import type { ValidationMode } from '@fluxo/engine';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { recordAudit } from '../audit/record-audit';
import { assertRevision } from './flow-etag';
import { FLOW_EXPORT_FORMAT, parseFlowFile, uniqueFlowName } from './flow-file';
import type { FlowExport } from './flow-file';
import { FlowValidator } from './flow-validator';
import { toFlowSummaryView, toFlowView, toValidationView } from './flow-views';
import type { FlowSummaryView, FlowView, ValidationView } from './flow-views';
import { defaultFlowSettings, readFlowSettings } from './flows.dto';
import type { CreateFlowInput, UpdateFlowInput } from './flows.dto';
import { deleteFlow, flowNamesStartingWith, insertFlow, listFlows, requireFlow, updateDraft } from './flows.repository';
import type { FlowRow } from './flows.repository';
import { restartAllLiveConversations } from './live-conversations';
import { starterGraph } from './starter-graph';

/** A flow's draft: create, read, save (with optimistic concurrency), delete, validate, export and import. */
@Injectable()
export class FlowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validator: FlowValidator,
  ) {}

  async createFlow(auth: AuthContext, input: CreateFlowInput): Promise<FlowView> {
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const id = await insertFlow(db, auth.tenantId, {
        name: input.name, graph: input.graph ?? starterGraph(), settings: input.settings ?? defaultFlowSettings(), userId: auth.userId,
      });
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.created', targetType: 'flow', targetId: id, details: { name: input.name } });
      return this.view(await requireFlow(db, auth.tenantId, id));
    });
  }

  async listFlows(tenantId: string): Promise<FlowSummaryView[]> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => (await listFlows(db, tenantId)).map(toFlowSummaryView));
  }

  async getFlow(tenantId: string, flowId: string): Promise<FlowView> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => this.view(await requireFlow(db, tenantId, flowId)));
  }

  /** Saves the draft when `ifMatch` names its current revision; the revision (ETag) goes up by one. */
  async saveDraft(auth: AuthContext, flowId: string, ifMatch: string | undefined, input: UpdateFlowInput): Promise<FlowView> {
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const current = await requireFlow(db, auth.tenantId, flowId, { lock: true });
      assertRevision(current, ifMatch, { required: true });
      await updateDraft(db, auth.tenantId, flowId, { ...input, userId: auth.userId });
      const changed = (['name', 'graph', 'settings'] as const).filter((key) => input[key] !== undefined);
      await recordAudit(db, {
        tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.updated', targetType: 'flow', targetId: flowId,
        details: { revision: current.revision + 1, changed },
      });
      return this.view(await requireFlow(db, auth.tenantId, flowId));
    });
  }

  /** Deletes the flow and its versions; its live conversations restart (their state is cleared). */
  async deleteFlow(auth: AuthContext, flowId: string): Promise<void> {
    await inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const flow = await requireFlow(db, auth.tenantId, flowId, { lock: true });
      const restarted = await restartAllLiveConversations(db, auth.tenantId, flowId);
      await deleteFlow(db, auth.tenantId, flowId);
      await recordAudit(db, {
        tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.deleted', targetType: 'flow', targetId: flowId,
        details: { name: flow.name, publishedVersion: flow.published_version, restartedConversations: restarted },
      });
    });
  }

  async validateFlow(tenantId: string, flowId: string, mode: ValidationMode): Promise<ValidationView> {
    const flow = await inTenantTransaction(this.dataSource, tenantId, (db) => requireFlow(db, tenantId, flowId));
    return toValidationView(mode, this.validator.problems(flow.graph, mode));
  }

  async exportFlow(tenantId: string, flowId: string): Promise<FlowExport> {
    const flow = await inTenantTransaction(this.dataSource, tenantId, (db) => requireFlow(db, tenantId, flowId));
    return { fluxoExport: FLOW_EXPORT_FORMAT, name: flow.name, graph: flow.graph, settings: readFlowSettings(flow.settings), exportedAt: new Date().toISOString() };
  }

  /** A new draft from an export or an example file; a taken name becomes "Name (2)". */
  async importFlow(auth: AuthContext, file: unknown): Promise<FlowView> {
    const parsed = parseFlowFile(file);
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const name = uniqueFlowName(parsed.name, await flowNamesStartingWith(db, auth.tenantId, parsed.name));
      const id = await insertFlow(db, auth.tenantId, { name, graph: parsed.graph, settings: parsed.settings, userId: auth.userId });
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.imported', targetType: 'flow', targetId: id, details: { name } });
      return this.view(await requireFlow(db, auth.tenantId, id));
    });
  }

  private view(flow: FlowRow): FlowView {
    return toFlowView(flow, this.validator.problems(flow.graph, 'save'));
  }
}
