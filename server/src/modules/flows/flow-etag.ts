import { flowChanged, ifMatchRequired } from './flows.errors';
import type { FlowRow } from './flows.repository';

/** The draft's ETag is its revision, quoted: `"7"`. Publishing does not change it (the draft did not change). */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** What an If-Match header allows: any current draft (`*`), or the listed revisions. */
export type RevisionCondition = { any: true } | { any: false; revisions: number[]; sent: string };

/**
 * Parses If-Match. Accepts `"7"`, `W/"7"` (proxies weaken ETags) and a bare `7`; an entity tag
 * that is no revision of ours never matches, so it ends in 412 like a stale one.
 */
export function parseIfMatch(header: string | undefined): RevisionCondition | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (value === '*') return { any: true };
  const revisions = value
    .split(',')
    .map((tag) => /^(?:W\/)?"?(\d{1,9})"?$/.exec(tag.trim())?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number);
  return { any: false, revisions, sent: value };
}

export function revisionMatches(condition: RevisionCondition, revision: number): boolean {
  return condition.any || condition.revisions.includes(revision);
}

/**
 * Checks the caller's If-Match against the flow's current revision (the row is locked by then).
 * `required`: a missing header is refused too (saves); otherwise it only guards when sent.
 */
export function assertRevision(flow: FlowRow, ifMatch: string | undefined, options: { required: boolean }): void {
  const condition = parseIfMatch(ifMatch);
  if (!condition) {
    if (options.required) throw ifMatchRequired();
    return;
  }
  if (!revisionMatches(condition, flow.revision)) {
    throw flowChanged(condition.any ? '*' : condition.sent, {
      revision: flow.revision,
      savedAt: new Date(flow.updated_at).toISOString(),
      savedBy: flow.updated_by && flow.updated_by_name ? { id: flow.updated_by, name: flow.updated_by_name } : null,
    });
  }
}
