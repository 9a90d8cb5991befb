import type { FlowGraph, GraphProblem } from '@fluxo/engine';
import { readFlowSettings } from './flows.dto';
import type { FlowSettingsView } from './flows.dto';
import type { FlowRow, FlowSummaryRow, VersionRow } from './flows.repository';
import type { LiveConversationsOutcome } from './live-conversations';

export type Person = { id: string; name: string };

export type FlowView = {
  id: string;
  name: string;
  graph: FlowGraph;
  /** The draft's revision; the ETag is this number in quotes. */
  revision: number;
  settings: FlowSettingsView;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  /** Who saved the draft last (null for an API key without an owner, or a removed member). */
  updatedBy: Person | null;
  /** Save-severity validation of the draft: what publishing would refuse. */
  problems: GraphProblem[];
};

export type FlowSummaryView = {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  /** Live conversations (idle or waiting, with state) on any version of the flow. */
  liveConversations: number;
};

export type VersionSummaryView = {
  version: number;
  changelog: string;
  author: Person | null;
  createdAt: string;
  /** Live conversations pinned to this version. */
  liveConversations: number;
};

export type VersionView = VersionSummaryView & { flowId: string; graph: FlowGraph; settings: FlowSettingsView };

export type PublishedView = VersionView & { conversations: LiveConversationsOutcome };

export type ValidationView = {
  mode: 'save' | 'publish';
  /** True when publishing would succeed. */
  publishable: boolean;
  problems: GraphProblem[];
  /** The problems attached to a node, grouped by node id (the others, such as NO_TRIGGER, are only in `problems`). */
  byNode: Record<string, GraphProblem[]>;
};

const iso = (date: Date) => new Date(date).toISOString();

export function toFlowView(row: FlowRow, problems: GraphProblem[]): FlowView {
  return {
    id: row.id, name: row.name, graph: row.graph, revision: row.revision, settings: readFlowSettings(row.settings),
    publishedVersion: row.published_version, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
    updatedBy: person(row.updated_by, row.updated_by_name), problems,
  };
}

export function toFlowSummaryView(row: FlowSummaryRow): FlowSummaryView {
  return {
    id: row.id, name: row.name, revision: row.revision, publishedVersion: row.published_version,
    createdAt: iso(row.created_at), updatedAt: iso(row.updated_at), liveConversations: row.live_conversations,
  };
}

export function toVersionSummaryView(row: VersionRow): VersionSummaryView {
  return {
    version: row.version, changelog: row.changelog, author: person(row.created_by, row.author_name),
    createdAt: iso(row.created_at), liveConversations: row.live_conversations,
  };
}

export function toVersionView(flowId: string, row: Required<VersionRow>): VersionView {
  return { ...toVersionSummaryView(row), flowId, graph: row.graph, settings: readFlowSettings(row.settings) };
}

export function toValidationView(mode: 'save' | 'publish', problems: GraphProblem[]): ValidationView {
  const byNode: Record<string, GraphProblem[]> = {};
  for (const problem of problems) if (problem.nodeId !== undefined) (byNode[problem.nodeId] ??= []).push(problem);
  // Both modes find the same problems (only their severity differs), so either answers "can I publish?".
  return { mode, publishable: problems.length === 0, problems, byNode };
}

function person(id: string | null, name: string | null): Person | null {
  return id && name ? { id, name } : null;
}
