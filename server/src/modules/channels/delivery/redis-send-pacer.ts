import type Redis from 'ioredis';
import type { PaceRequest, SendPacer } from './send-pacer';

/**
 * Both paces in one atomic step on Redis's clock, so every worker process shares them (N workers
 * must not send N times a channel's rate). The channel's rate is a GCRA: a theoretical arrival
 * time advancing 1000/perSecond ms per send, with a burst of perSecond; the chat's gap is the
 * time its next message may go. Either wait over the caller's limit books nothing.
 * KEYS: channel, chat (may be absent). ARGV: perSecond, chatGapMs, maxWaitMs. Answers the wait in ms
 * and whether it was booked (1) or refused (0).
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local perSecond = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local interval = 1000 / perSecond
local tolerance = interval * (perSecond - 1)
local tat = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local channelWait = math.max(0, tat - tolerance - now)
local chatAt = now
if KEYS[2] and gap > 0 then chatAt = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0')) end
local wait = math.max(channelWait, chatAt - now)
if wait > maxWait then return { math.ceil(wait), 0 } end
local sendAt = now + wait
redis.call('SET', KEYS[1], tostring(math.max(tat, sendAt) + interval), 'PX', math.ceil(tolerance + interval * 2 + wait))
if KEYS[2] and gap > 0 then redis.call('SET', KEYS[2], tostring(sendAt + gap), 'PX', math.ceil(gap + wait + 1000)) end
return { math.ceil(wait), 1 }
`;

type PacingRedis = Redis & { fluxoReservePace(keyCount: number, ...args: Array<string | number>): Promise<[number, number]> };

/** The pacer of a deployment with Redis (api and workers in several processes). */
export class RedisSendPacer implements SendPacer {
  private readonly redis: PacingRedis;

  constructor(redis: Redis, private readonly prefix: string) {
    redis.defineCommand('fluxoReservePace', { lua: RESERVE });
    this.redis = redis as PacingRedis;
  }

  async reserve({ channelKey, perSecond, chatKey, chatGapMs, maxWaitMs }: PaceRequest): Promise<number> {
    const keys = [`${this.prefix}:pace:${channelKey}`, ...(chatKey && chatGapMs ? [`${this.prefix}:pace:${chatKey}`] : [])];
    const [waitMs, booked] = await this.redis.fluxoReservePace(keys.length, ...keys, perSecond, chatGapMs, maxWaitMs);
    if (!booked) return waitMs;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return 0;
  }

  async close(): Promise<void> {
    // Never connected (a process that sent nothing): nothing to say goodbye to.
    if (this.redis.status === 'wait') this.redis.disconnect();
    else if (this.redis.status !== 'end') await this.redis.quit();
  }
}
