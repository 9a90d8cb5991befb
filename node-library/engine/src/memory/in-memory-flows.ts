import type { FlowGraph } from '../graph/flow-graph';
import type { FlowSource, FlowVersion } from '../ports';

type StoredFlow = { name: string; draft: FlowVersion; published: FlowVersion[] };

/** Flows with a draft and numbered published versions, held in memory. */
export class InMemoryFlowSource implements FlowSource {
  private readonly flows = new Map<string, StoredFlow>();
  /** The trigger list is asked for on every turn; it changes only when a flow is published. */
  private published: FlowVersion[] | undefined;

  /** Saves `graph` as the draft of `flowId` and publishes it as the next version. */
  publish(flowId: string, graph: FlowGraph, name = flowId): FlowVersion {
    this.saveDraft(flowId, graph, name);
    const stored = this.flows.get(flowId) as StoredFlow;
    const version: FlowVersion = { flowId, version: stored.published.length + 1, name, graph };
    stored.published.push(version);
    this.published = undefined;
    return version;
  }

  saveDraft(flowId: string, graph: FlowGraph, name = flowId): void {
    const existing = this.flows.get(flowId);
    const draft: FlowVersion = { flowId, version: 'draft', name, graph };
    if (existing) Object.assign(existing, { name, draft });
    else this.flows.set(flowId, { name, draft, published: [] });
  }

  getFlow(flowId: string, version?: number | 'draft'): FlowVersion | null {
    const stored = this.flows.get(flowId);
    if (!stored) return null;
    if (version === 'draft') return stored.draft;
    if (version === undefined) return stored.published[stored.published.length - 1] ?? null;
    return stored.published[version - 1] ?? null;
  }

  triggerFlows(): FlowVersion[] {
    this.published ??= [...this.flows.values()].flatMap((f) => (f.published.length ? [f.published[f.published.length - 1] as FlowVersion] : []));
    return this.published;
  }
}
