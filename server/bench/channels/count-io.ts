/**
 * Opt-in instrumentation of the bench's server process (--count-io): every Postgres query (by
 * its first words, with the time until its answer) and every Redis command (by name) the process
 * sends. It wraps pg's Client#query and ioredis's Redis#sendCommand before the app loads them;
 * nothing in server/src changes. The wrapping costs a little, so the default run goes without.
 */
import { Client } from 'pg';
import Redis from 'ioredis';

export type IoCounts = { queries: Record<string, { count: number; ms: number }>; redis: Record<string, number> };

const queries = new Map<string, { count: number; ms: number }>();
const redis = new Map<string, number>();

/** A query's shape: whitespace folded, parameters kept and EXECUTE's literals left out, cut after 90 characters. */
const shapeOf = (text: string) => text
  .replace(/EXECUTE (\w+)\((?:\s?E?'(?:[^'\\]|''|\\.)*'|[^')])*\)/g, 'EXECUTE $1(…)') // a prepared statement's values as literals
  .replace(/\s+/g, ' ').trim().slice(0, 90);

function record(shape: string, ms: number): void {
  const entry = queries.get(shape) ?? { count: 0, ms: 0 };
  entry.count += 1;
  entry.ms += ms;
  queries.set(shape, entry);
}

export function countIo(): void {
  type Query = (this: Client, ...args: unknown[]) => unknown;
  const proto = Client.prototype as unknown as { query: Query };
  const query = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    if (typeof text !== 'string') return query.apply(this, args);
    const shape = shapeOf(text);
    const started = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...result: unknown[]) => {
        record(shape, performance.now() - started);
        return (last as (...a: unknown[]) => unknown)(...result);
      };
      return query.apply(this, args);
    }
    const answer = query.apply(this, args);
    if (answer && typeof (answer as Promise<unknown>).then === 'function') {
      (answer as Promise<unknown>).then(() => record(shape, performance.now() - started), () => record(shape, performance.now() - started));
    }
    return answer;
  };
  const redisProto = Redis.prototype as unknown as { sendCommand: (command: { name: string }, ...rest: unknown[]) => unknown };
  const sendCommand = redisProto.sendCommand;
  redisProto.sendCommand = function (this: Redis, command: { name: string }, ...rest: unknown[]) {
    redis.set(command.name, (redis.get(command.name) ?? 0) + 1);
    return sendCommand.call(this, command, ...rest);
  };
}

/** The counts since the last call, which resets them. */
export function takeIoCounts(): IoCounts {
  const counts: IoCounts = { queries: Object.fromEntries(queries), redis: Object.fromEntries(redis) };
  queries.clear();
  redis.clear();
  return counts;
}
