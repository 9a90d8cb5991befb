/** Mirrors the server's views (server/src/modules/flows/flow-views.ts, flows.dto.ts). */
import type { FlowGraph, FlowProblem } from '../flow-editor/types';
import type { Flow } from '../flows/types';

export type Person = { id: string; name: string };

/** What happens, on publish, to conversations still running an older version. */
export type LiveConversationPolicy = 'drain' | 'migrate' | 'restart';
export const LIVE_CONVERSATION_POLICIES: readonly LiveConversationPolicy[] = ['drain', 'migrate', 'restart'];

/** The server's `publishFlowSchema` caps the changelog at this many characters. */
export const MAX_CHANGELOG = 2_000;

/** One row of `GET /api/flows/:id/versions` (newest first). */
export type VersionSummary = {
  version: number;
  changelog: string;
  /** Null for an API key without an owner, or a removed member. */
  author: Person | null;
  createdAt: string;
  /** Live conversations pinned to this version. */
  liveConversations: number;
};

/** `GET /api/flows/:id/versions/:version`. */
export type VersionDetail = VersionSummary & { flowId: string; graph: FlowGraph; settings: Flow['settings'] };

/** `POST /api/flows/:id/publish` (201). */
export type PublishedVersion = VersionDetail & {
  conversations: { policy: LiveConversationPolicy; migrated: number; restarted: number };
};

/** `GET /api/flows/:id/validation?mode=publish`. */
export type PublishValidation = {
  mode: 'save' | 'publish';
  publishable: boolean;
  problems: FlowProblem[];
  byNode: Record<string, FlowProblem[]>;
};

/** What a 422 `FLOW_INVALID` lists under `error.errors`. */
export type PublishProblem = Pick<FlowProblem, 'message' | 'nodeId' | 'edgeId' | 'path'> & { code: string };
