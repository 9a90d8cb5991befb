import type { JobOptions, JobQueueHooks, QueueErrorHook } from './job-queue.port';

/** Defaults and rules both adapters share, so that a job behaves the same with or without Redis. */
export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 60_000;

export type ResolvedJobOptions = { key: string | undefined; delayMs: number; attempts: number; backoffMs: number };

/** Applies the defaults; throws RangeError on nonsense rather than letting a job loop or vanish. */
export function resolveJobOptions(options: JobOptions = {}): ResolvedJobOptions {
  const { key, delayMs = 0, attempts = DEFAULT_ATTEMPTS, backoffMs = DEFAULT_BACKOFF_MS } = options;
  if (key !== undefined && (typeof key !== 'string' || key.length === 0)) throw new RangeError('job key must be a non-empty string');
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`delayMs must be a finite number >= 0, got ${delayMs}`);
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be an integer >= 1, got ${attempts}`);
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new RangeError(`backoffMs must be a finite number >= 0, got ${backoffMs}`);
  return { key, delayMs: Math.round(delayMs), attempts, backoffMs };
}

/** Wait before the retry that follows failed attempt `failedAttempt` (1-based). */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return Math.min(Math.round(backoffMs * 2 ** (failedAttempt - 1)), MAX_BACKOFF_MS);
}

export function resolveConcurrency(options: { concurrency?: number } | undefined): number {
  const concurrency = options?.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  return concurrency;
}

export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Last resort when the server passed no onError: loud on stderr, but it does not kill the process. */
const warnProcess: QueueErrorHook = (error, context) => {
  process.emitWarning(error, { type: 'FluxoJobQueueWarning', detail: JSON.stringify(context) });
};

/**
 * Reports an exhausted job: onFailed if given, else onError. A throwing onFailed goes to onError
 * so that the queue's own bookkeeping (settling the job) never depends on the hook.
 */
export async function reportFailure(
  hooks: JobQueueHooks, queue: string, data: unknown, error: Error, attempts: number, key: string | undefined,
): Promise<void> {
  const onError = hooks.onError ?? warnProcess;
  if (!hooks.onFailed) {
    onError(error, { queue, during: `job failed after ${attempts} attempt(s)${key === undefined ? '' : ` (key ${key})`}` });
    return;
  }
  try {
    await hooks.onFailed(queue, data, error, attempts, key);
  } catch (hookError) {
    onError(toError(hookError), { queue, during: 'onFailed hook' });
  }
}

export function errorReporter(hooks: JobQueueHooks): QueueErrorHook {
  return hooks.onError ?? warnProcess;
}
