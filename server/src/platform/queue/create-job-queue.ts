import { BullMqJobQueue } from './bullmq-queue';
import { InProcessJobQueue } from './in-process-queue';
import type { JobQueue, JobQueueHooks } from './job-queue.port';

export type CreateJobQueueOptions = JobQueueHooks & {
  /** redis://… : jobs go through BullMQ and are shared by every process; unset: in this process only. */
  redisUrl?: string;
  /** Redis key prefix (BullMQ only), default "fluxo". */
  prefix?: string;
};

/** Picks the adapter the deployment calls for; both honour the same JobQueue contract. */
export function createJobQueue(options: CreateJobQueueOptions = {}): JobQueue {
  const { redisUrl, prefix, onFailed, onError } = options;
  const hooks: JobQueueHooks = { onFailed, onError };
  return redisUrl ? new BullMqJobQueue({ ...hooks, redisUrl, prefix }) : new InProcessJobQueue(hooks);
}
