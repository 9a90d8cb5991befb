import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { recordAudit } from '../audit/record-audit';
import { assertRevision } from './flow-etag';
import { FlowValidator } from './flow-validator';
import { toFlowView, toVersionSummaryView, toVersionView } from './flow-views';
import type { FlowView, PublishedView, VersionSummaryView, VersionView } from './flow-views';
import { readFlowSettings } from './flows.dto';
import type { PublishFlowInput } from './flows.dto';
import { versionNotFound } from './flows.errors';
import { findVersion, insertNextVersion, listVersions, requireFlow, updateDraft } from './flows.repository';
import { applyLiveConversationPolicy } from './live-conversations';

/** Published versions: immutable snapshots of the draft, numbered 1, 2, 3… per flow. */
@Injectable()
export class FlowVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validator: FlowValidator,
  ) {}

  /**
   * Publishes the draft as the next version, in one transaction: validation (422, nothing
   * written), the version row, the flow's published version, the live-conversation policy and the
   * audit line commit together or not at all. If-Match is optional: when sent, a stale one is 412.
   */
  async publishVersion(auth: AuthContext, flowId: string, ifMatch: string | undefined, input: PublishFlowInput): Promise<PublishedView> {
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const flow = await requireFlow(db, auth.tenantId, flowId, { lock: true });
      assertRevision(flow, ifMatch, { required: false });
      this.validator.assertPublishable(flow.graph);
      const version = await insertNextVersion(db, auth.tenantId, flowId, { graph: flow.graph, settings: readFlowSettings(flow.settings), changelog: input.changelog, userId: auth.userId });
      const conversations = await applyLiveConversationPolicy(db, auth.tenantId, flowId, input.liveConversations, { version, graph: flow.graph });
      await recordAudit(db, {
        tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.published', targetType: 'flow', targetId: flowId,
        details: { version, revision: flow.revision, liveConversations: conversations },
      });
      return { ...(await this.version(db, auth.tenantId, flowId, version)), conversations };
    });
  }

  async listVersions(tenantId: string, flowId: string): Promise<VersionSummaryView[]> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      await requireFlow(db, tenantId, flowId);
      return (await listVersions(db, tenantId, flowId)).map(toVersionSummaryView);
    });
  }

  async getVersion(tenantId: string, flowId: string, version: number): Promise<VersionView> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      await requireFlow(db, tenantId, flowId);
      return this.version(db, tenantId, flowId, version);
    });
  }

  /**
   * Copies a version's graph and settings into the draft (a new revision); publishing it then
   * makes it live again as a new version. If-Match is optional here.
   */
  async restoreVersion(auth: AuthContext, flowId: string, version: number, ifMatch: string | undefined): Promise<FlowView> {
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const flow = await requireFlow(db, auth.tenantId, flowId, { lock: true });
      const source = await this.version(db, auth.tenantId, flowId, version);
      assertRevision(flow, ifMatch, { required: false });
      await updateDraft(db, auth.tenantId, flowId, { graph: source.graph, settings: source.settings, userId: auth.userId });
      await recordAudit(db, {
        tenantId: auth.tenantId, actorId: auth.userId, action: 'flow.restored', targetType: 'flow', targetId: flowId,
        details: { version, revision: flow.revision + 1 },
      });
      const restored = await requireFlow(db, auth.tenantId, flowId);
      return toFlowView(restored, this.validator.problems(restored.graph, 'save'));
    });
  }

  private async version(db: EntityManager, tenantId: string, flowId: string, version: number): Promise<VersionView> {
    const row = await findVersion(db, tenantId, flowId, version);
    if (!row) throw versionNotFound(version);
    return toVersionView(flowId, row);
  }
}
