import { EventEmitter } from 'node:events';
import type { OutboundMessage, JsonObject } from '@fluxo/node-sdk';
import type { TraceStep, TurnStatus, WaitingState } from '@fluxo/engine';
import Redis from 'ioredis';
import { logger } from '../platform/logging/logger';

/** A turn was committed (the simulator's HTTP answer waits for it). */
export type TurnCompletedEvent = {
  type: 'turn.completed';
  tenantId: string;
  conversationId: string;
  turnId: string;
  messageIds: string[];
  status: TurnStatus;
  replies: Array<{ id: string; message: OutboundMessage }>;
  waitingFor: Pick<WaitingState, 'nodeId' | 'for' | 'fireAt'> | null;
  /**
   * The trace and variables, for simulations only (their chat shows them as the turn ends). A live
   * conversation's trace is in the turns table; sending it through Redis to every process on every
   * turn, for no listener, cost the channel pipeline.
   */
  trace?: TraceStep[];
  vars?: JsonObject;
  httpResponse?: { status: number; headers?: Record<string, string>; body: unknown };
};

/** An outbound message reached its channel (the simulator socket pushes it). */
export type OutboundDeliveredEvent = { type: 'outbound.delivered'; tenantId: string; conversationId: string; outboxId: string; message: OutboundMessage };

export type RuntimeEvent = TurnCompletedEvent | OutboundDeliveredEvent;

/**
 * Tells api processes what workers did. In one process it is an EventEmitter; with Redis it is a
 * pub/sub channel, because the turn may run in another process than the request that waits for it.
 */
export interface RuntimeEvents {
  publish(event: RuntimeEvent): Promise<void>;
  subscribe(listener: (event: RuntimeEvent) => void): () => void;
  close(): Promise<void>;
}

export const RUNTIME_EVENTS = Symbol('RUNTIME_EVENTS');

export class InProcessRuntimeEvents implements RuntimeEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: RuntimeEvent): Promise<void> {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: RuntimeEvent) => void): () => void {
    // One listener's failure must neither reach the publisher (a turn already committed) nor
    // keep the event from the listeners after it.
    const guarded = (event: RuntimeEvent) => {
      try {
        listener(event);
      } catch (error) {
        logger.error({ err: error, eventType: event.type }, 'a runtime event listener failed');
      }
    };
    this.emitter.on('event', guarded);
    return () => this.emitter.off('event', guarded);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisRuntimeEvents implements RuntimeEvents {
  private readonly local = new InProcessRuntimeEvents();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly ready: Promise<unknown>;

  constructor(redisUrl: string, private readonly channel = 'fluxo:runtime-events') {
    // Auto-pipelined: the events of the turns that end in one event-loop pass go in one write (a
    // system call per command is what publishing costs most); order on the connection is kept.
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null, enableAutoPipelining: true });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, payload: string) => {
      void this.local.publish(JSON.parse(payload) as RuntimeEvent);
    });
    this.ready = this.subscriber.subscribe(channel);
    for (const client of [this.publisher, this.subscriber]) client.on('error', (error) => logger.error({ err: error }, 'runtime events: Redis error'));
  }

  async publish(event: RuntimeEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: (event: RuntimeEvent) => void): () => void {
    return this.local.subscribe(listener);
  }

  /** Resolves once the subscription is live (events published before it are not seen). */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
