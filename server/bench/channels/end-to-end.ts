import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { spread } from './percentiles';
import type { ReplyRouter } from './reply-router';
import type { ChannelBenchServer } from './server-process';
import { customerAt } from './tenant';
import type { Channel } from './tenant';
import { WebhookPoster } from './webhooks';
import type { InboundBodies } from './webhooks';

export type EndToEnd = { customers: number; channels: number; turns: number; windowSeconds: number; perSecond: number; p50: number; p99: number; max: number; ackP50: number; ackP99: number; lost: number; wrongReplies: number; errors: number };

/**
 * Closed loop: each customer (its own wa_id, a fresh wamid a message) posts a message, waits for
 * its reply at the fake, and posts the next, so the load is what the server can turn around, not
 * what the bench throws at it. Turns/s over a steady window after a warm-up, and the latency from
 * the webhook post to the reply. A turn counts in the window when its reply arrived inside it;
 * latencies are of turns posted in it.
 */
export async function endToEnd(server: ChannelBenchServer, router: ReplyRouter, bodies: InboundBodies, channels: Channel[], options: { customers: number; firstNumber: number; warmupSeconds: number; seconds: number; label: string },
  windowStarts: () => void, windowEnds: () => void): Promise<EndToEnd> {
  const poster = new WebhookPoster(server.baseUrl, Math.min(options.customers, 256));
  const started = performance.now();
  const windowFrom = started + options.warmupSeconds * 1000;
  const windowTo = windowFrom + options.seconds * 1000;
  const latencies: number[] = [];
  const acks: number[] = [];
  let inWindow = 0;
  let lost = 0;
  let wrongReplies = 0;
  let errors = 0;
  const startTimer = setTimeout(windowStarts, windowFrom - performance.now());
  const endTimer = setTimeout(windowEnds, windowTo - performance.now());
  const customer = async (index: number) => {
    const { channel, from, name } = customerAt(channels, options.firstNumber, index);
    for (let sequence = 1; performance.now() < windowTo; sequence += 1) {
      const text = `${options.label} ${index} #${sequence}`;
      const { body, signature } = bodies.build({ phoneNumberId: channel.phoneNumberId, from, name, wamid: `wamid.${options.label}.${index}.${sequence}`, text }, channel.appSecret);
      const reply = router.next(channel.phoneNumberId, from);
      const posted = performance.now();
      const status = await poster.post(channel.path, body, signature);
      const acked = performance.now();
      if (status !== 200) {
        router.cancel(channel.phoneNumberId, from);
        errors += 1;
        await sleep(100);
        continue;
      }
      const sent = await reply;
      if (!sent) {
        lost += 1;
        continue;
      }
      if ((sent.body.text as { body?: string } | undefined)?.body !== `Recebido: ${text}`) wrongReplies += 1;
      if (sent.at >= windowFrom && sent.at < windowTo) inWindow += 1;
      if (posted >= windowFrom && posted < windowTo) {
        latencies.push(sent.at - posted);
        acks.push(acked - posted);
      }
    }
  };
  await Promise.all(Array.from({ length: options.customers }, (_, index) => customer(index)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  poster.close();
  const ack = spread(acks);
  return {
    customers: options.customers, channels: channels.length, turns: inWindow, windowSeconds: options.seconds, perSecond: inWindow / options.seconds,
    ...spread(latencies), ackP50: ack.p50, ackP99: ack.p99, lost, wrongReplies, errors,
  };
}
