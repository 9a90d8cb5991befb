import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';

/**
 * drain() support for the BullMQ adapter: is anything on `queues` still to run, counting delayed
 * jobs due by `cutoff` and every retry? Tests only, so it may read BullMQ's key layout (the
 * wait/active/prioritized/delayed keys and the job hash fields timestamp, delay and atm).
 *
 * Why not getJobCounts() + getDelayed() per queue: separate reads let a job move between them
 * (delayed -> active, active -> delayed on a retry, a handler on one queue adding to another) and
 * be seen nowhere. All lists of all queues are read in one MULTI, so the snapshot is consistent;
 * the job fields read afterwards can only err on the side of waiting, because `atm` (attempts
 * made) never decreases.
 */
export async function areBullQueuesSettled(connection: IORedis, queues: Array<Queue<object, void, string>>, cutoff: number): Promise<boolean> {
  const transaction = connection.multi();
  for (const queue of queues) {
    transaction.llen(queue.toKey('wait')).llen(queue.toKey('active')).zcard(queue.toKey('prioritized')).zrange(queue.toKey('delayed'), 0, -1);
  }
  const replies = ((await transaction.exec()) ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  const delayedJobKeys: string[] = [];
  for (const [index, queue] of queues.entries()) {
    const [wait, active, prioritized, delayed] = replies.slice(index * 4, index * 4 + 4);
    if (Number(wait) + Number(active) + Number(prioritized) > 0) return false;
    if (Array.isArray(delayed)) for (const id of delayed) delayedJobKeys.push(queue.toKey(String(id)));
  }

  const fields = await Promise.all(delayedJobKeys.map((jobKey) => connection.hmget(jobKey, 'timestamp', 'delay', 'atm')));
  return fields.every(([timestamp, delay, attemptsMade]) => {
    // Gone: finished and evicted since the snapshot.
    if (timestamp === null) return true;
    const isRetry = Number(attemptsMade ?? 0) > 0;
    return !isRetry && Number(timestamp) + Number(delay ?? 0) > cutoff;
  });
}
