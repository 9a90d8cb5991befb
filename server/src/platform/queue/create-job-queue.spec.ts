import { BullMqJobQueue } from './bullmq-queue';
import { createJobQueue } from './create-job-queue';
import { InProcessJobQueue } from './in-process-queue';

describe('createJobQueue', () => {
  it('runs jobs in-process without a Redis URL', async () => {
    const queue = createJobQueue();
    expect(queue).toBeInstanceOf(InProcessJobQueue);
    await queue.close();
  });

  it('uses BullMQ with a Redis URL', async () => {
    const queue = createJobQueue({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: 'fluxo-test-factory' });
    expect(queue).toBeInstanceOf(BullMqJobQueue);
    await queue.close();
  });
});
