import { Inject, Injectable } from '@nestjs/common';
import { InboundIntake } from './inbound-intake';
import type { AddressedIntake, Intake, Received } from './inbound-intake';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents, TurnCompletedEvent } from './turn-events';

export type AwaitedTurn = Omit<Received, 'turnQueued'> & { turn: TurnCompletedEvent | null };

/** Events seen before the message id was known, kept for matching (a fast worker may finish first). */
const MAX_EARLY_EVENTS = 1_000;

/**
 * For callers that answer with the turn's outcome (the simulator, HTTP triggers): hands the event to
 * the intake like any channel would, then waits for a worker to commit its turn, in this process
 * or another (the runtime events travel through Redis then).
 */
@Injectable()
export class TurnWaiter {
  constructor(
    private readonly intake: InboundIntake,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
  ) {}

  receiveAndAwait(intake: Intake, timeoutMs: number): Promise<AwaitedTurn> {
    return this.await(() => this.intake.receive(intake), timeoutMs);
  }

  receiveFromAndAwait(intake: AddressedIntake, timeoutMs: number): Promise<AwaitedTurn> {
    return this.await(() => this.intake.receiveFrom(intake), timeoutMs);
  }

  private async await(store: () => Promise<Received>, timeoutMs: number): Promise<AwaitedTurn> {
    let messageId = '';
    const early: TurnCompletedEvent[] = [];
    let settle: ((event: TurnCompletedEvent) => void) | undefined;
    // Listen before the message exists, so that a fast worker cannot finish the turn unseen.
    const unsubscribe = this.events.subscribe((event) => {
      if (event.type !== 'turn.completed') return;
      if (!messageId) {
        if (early.length < MAX_EARLY_EVENTS) early.push(event);
      } else if (event.messageIds.includes(messageId)) settle?.(event);
    });
    try {
      const { turnQueued, ...received } = await store();
      messageId = received.messageId;
      // The caller waits for the turn: a turn that could not be queued is its error, not a timeout.
      await turnQueued;
      if (received.duplicate) return { ...received, turn: null };
      const seen = early.find((event) => event.messageIds.includes(messageId));
      const turn = seen ?? (await new Promise<TurnCompletedEvent | null>((resolve) => {
        const timeout = setTimeout(() => resolve(null), timeoutMs);
        settle = (event) => {
          clearTimeout(timeout);
          resolve(event);
        };
      }));
      return { ...received, turn };
    } finally {
      unsubscribe();
    }
  }
}
