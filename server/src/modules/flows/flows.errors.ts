import type { GraphProblem } from '@fluxo/engine';
import { AppError, notFound } from '../../platform/errors/app-error';

/** A foreign flow, a deleted one and a malformed id all read the same: 404, never 403. */
export const flowNotFound = () => notFound('The flow');

export const versionNotFound = (version: number | string) => notFound(`Version ${version} of this flow`);

/**
 * A save without If-Match. 412 rather than 428: the platform's error kinds stop at 412, and to a
 * client both mean "load the flow, then send its ETag".
 */
export const ifMatchRequired = () =>
  new AppError('precondition_failed', 'IF_MATCH_REQUIRED',
    'Send If-Match: "<revision>" (the ETag you received with the flow) so that a save never overwrites changes you have not seen.');

export type LastSave = { revision: number; savedAt: string; savedBy: { id: string; name: string } | null };

export const flowChanged = (sent: string, last: LastSave) =>
  new AppError('precondition_failed', 'FLOW_CHANGED',
    `The flow changed since you loaded it: ${last.savedBy ? `${last.savedBy.name} saved` : 'it was saved'} revision ${last.revision} at ${last.savedAt} ` +
      `(you sent ${sent}). Reload it, reapply your changes and save again.`,
    { currentRevision: last.revision, lastSavedAt: last.savedAt, lastSavedBy: last.savedBy });

/** Publishing refuses a flow with any problem; the studio highlights each node from `errors`. */
export const flowInvalid = (problems: GraphProblem[]) =>
  new AppError('unprocessable', 'FLOW_INVALID',
    `The flow cannot be published: fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} listed (first: ${problems[0]?.message ?? 'unknown'})`,
    {
      errors: problems.map((p) => ({
        nodeId: p.nodeId ?? null, message: p.message, code: p.code, ...(p.edgeId ? { edgeId: p.edgeId } : {}), ...(p.path ? { path: p.path } : {}),
      })),
    });

export const invalidFlowFile = (problems: Array<{ field: string; message: string }>) =>
  new AppError('bad_request', 'INVALID_FLOW_FILE',
    `This is not a Fluxo flow file: ${problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    { problems });
