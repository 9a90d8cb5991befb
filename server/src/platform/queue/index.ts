export { JOB_QUEUE } from './job-queue.port';
export type { JobFailedHook, JobHandler, JobMeta, JobOptions, JobQueue, JobQueueHooks, QueueErrorHook } from './job-queue.port';
export { createJobQueue } from './create-job-queue';
export type { CreateJobQueueOptions } from './create-job-queue';
export { InProcessJobQueue } from './in-process-queue';
export { BullMqJobQueue } from './bullmq-queue';
export type { QueueClock } from './queue-clock';
