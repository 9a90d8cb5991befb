import { performance } from 'node:perf_hooks';
import { spread } from './percentiles';
import type { ChannelBenchServer } from './server-process';
import { customerAt } from './tenant';
import type { Channel } from './tenant';
import { WebhookPoster } from './webhooks';
import type { InboundBodies } from './webhooks';

export type AckFigures = { concurrency: number; requests: number; turns: number; windowSeconds: number; perSecond: number; p50: number; p99: number; max: number; errors: number };

/**
 * `concurrency` connections post signed message webhooks back to back; only the ack is timed. Each
 * is a real customer message that queues a turn, so the server does its whole webhook path, but
 * the replies are not awaited: what a sender waits for before its next post is the ack alone.
 */
export type AckOptions = {
  concurrency: number; customers: number; firstNumber: number; warmupSeconds: number; seconds: number;
  /**
   * Open loop: webhooks are due at this rate, whoever is free posts the next one at its due time,
   * and the latency runs from the due time (a late post counts its lateness, as a provider's
   * retry clock would). Unset: back to back, each connection posting as soon as its ack came.
   */
  ratePerSecond?: number;
};

export async function ackLatency(server: ChannelBenchServer, bodies: InboundBodies, channels: Channel[], options: AckOptions,
  windowStarts: () => void, windowEnds: () => void): Promise<AckFigures> {
  const poster = new WebhookPoster(server.baseUrl, options.concurrency);
  const windowFrom = performance.now() + options.warmupSeconds * 1000;
  const windowTo = windowFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  let windowOpen = false;
  let windowClosed = false;
  const began = performance.now();
  const rate = options.ratePerSecond;
  const worker = async () => {
    for (;;) {
      // Claimed before any wait, so no two connections take one slot.
      const slot = ++sequence;
      // Open loop: this post's due time, and a wait for it.
      const due = rate ? began + (slot * 1000) / rate : undefined;
      if (due !== undefined && due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      const now = performance.now();
      if (!windowOpen && now >= windowFrom) {
        windowOpen = true;
        windowStarts();
      }
      if (now >= windowTo) break;
      const { channel, from, name } = customerAt(channels, options.firstNumber, slot % options.customers);
      const { body, signature } = bodies.build({ phoneNumberId: channel.phoneNumberId, from, name, wamid: `wamid.ack.${options.firstNumber}.${slot}`, text: `ack ${slot}` }, channel.appSecret);
      const posted = due ?? performance.now();
      const status = await poster.post(channel.path, body, signature);
      if (status !== 200) errors += 1;
      else if (posted >= windowFrom) latencies.push(performance.now() - posted);
    }
    if (!windowClosed) {
      windowClosed = true;
      windowEnds();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  poster.close();
  const requests = latencies.length;
  return { concurrency: options.concurrency, requests, turns: requests, windowSeconds: options.seconds, perSecond: requests / options.seconds, ...spread(latencies), errors };
}
