import { adminQuery } from './server-process';
import type { ChannelBenchServer } from './server-process';

export type Stages = { turns: number; queued: [number, number]; delivered: [number, number] };

/**
 * Where a reply's time went, from the database's own timestamps, for the messages stored inside the
 * window: stored → its turn's transaction began (the turn queue), → the outbox row was marked sent
 * after the Graph API took it (the turn itself, the delivery queue and the send). p50 and p99 in ms.
 */
export async function stageLatencies(server: ChannelBenchServer, from: Date, to: Date): Promise<Stages> {
  const [row] = await adminQuery<{ turns: number; q50: number; q99: number; d50: number; d99: number }>(server.databaseUrl, `
    WITH s AS (
      SELECT extract(epoch FROM t.created_at - m.created_at) * 1000 AS queued,
             extract(epoch FROM o.sent_at - t.created_at) * 1000 AS delivered
        FROM messages m JOIN turns t ON t.id = m.turn_id JOIN outbox o ON o.turn_id = t.id
       WHERE m.direction = 'in' AND m.created_at >= $1 AND m.created_at < $2 AND o.sent_at IS NOT NULL)
    SELECT count(*)::int AS turns,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY queued) AS q50, percentile_cont(0.99) WITHIN GROUP (ORDER BY queued) AS q99,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered) AS d50, percentile_cont(0.99) WITHIN GROUP (ORDER BY delivered) AS d99
      FROM s`, [from.toISOString(), to.toISOString()]);
  return { turns: row?.turns ?? 0, queued: [row?.q50 ?? 0, row?.q99 ?? 0], delivered: [row?.d50 ?? 0, row?.d99 ?? 0] };
}
