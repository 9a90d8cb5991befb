import type Redis from 'ioredis';
import { RESERVATION_GRACE_MS } from './send-pacer';
import type { PaceRequest, SendPacer } from './send-pacer';

/**
 * The rules of `SendPacer` in one atomic script on Redis's clock, so every worker process shares
 * the pace (N workers must not send N times a channel's rate).
 * KEYS: channel, chat. ARGV: perSecond, chatGapMs, maxWaitMs, the reservation grace. Answers the
 * wait in ms and 1 when the caller sends after it, 0 when it must come back after it.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local perSecond = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local reservationKey = KEYS[2] .. ':reserved'
local reserved = redis.call('GET', reservationKey)
if reserved then
  local wait = tonumber(reserved) - now
  if wait > maxWait then return { math.ceil(wait), 0 } end
  redis.call('DEL', reservationKey)
  return { math.max(0, math.ceil(wait)), 1 }
end
local chatAt = now
if gap > 0 then chatAt = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0')) end
-- The chat may not speak yet: nothing is booked, the channel's slots stay free for other chats.
if chatAt - now > maxWait then return { math.ceil(chatAt - now), 0 } end
local interval = 1000 / perSecond
local tolerance = interval * (perSecond - 1)
local tat = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local sendAt = math.max(now, tat - tolerance, chatAt)
local wait = sendAt - now
redis.call('SET', KEYS[1], tostring(math.max(tat, sendAt) + interval), 'PX', math.ceil(tolerance + interval * 2 + wait))
if gap > 0 then redis.call('SET', KEYS[2], tostring(sendAt + gap), 'PX', math.ceil(gap + wait + 1000)) end
if wait > maxWait then
  -- The channel's next free slot is this chat's now, given up a grace after its time by a delivery
  -- that never came back (a crash).
  redis.call('SET', reservationKey, tostring(sendAt), 'PX', math.ceil(wait + tonumber(ARGV[4])))
  return { math.ceil(wait), 0 }
end
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
    const keys = [`${this.prefix}:pace:${channelKey}`, `${this.prefix}:pace:${chatKey}`];
    const [waitMs, booked] = await this.redis.fluxoReservePace(keys.length, ...keys, perSecond, chatGapMs, maxWaitMs, RESERVATION_GRACE_MS);
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
