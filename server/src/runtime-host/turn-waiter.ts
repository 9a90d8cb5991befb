import { Inject, Injectable } from '@nestjs/common';
import { InboundIntake } from './inbound-intake';
import type { Intake } from './inbound-intake';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents, TurnCompletedEvent } from './turn-events';

export type AwaitedTurn = { messageId: string; duplicate: boolean; turn: TurnCompletedEvent | null };

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

  async receiveAndAwait(intake: Intake, timeoutMs: number): Promise<AwaitedTurn> {
    let messageId = '';
    const early: TurnCompletedEvent[] = [];
    let settle: ((event: TurnCompletedEvent) => void) | undefined;
    // Listen before the message exists, so that a fast worker cannot finish the turn unseen.
    const unsubscribe = this.events.subscribe((event) => {
      if (event.type !== 'turn.completed' || event.conversationId !== intake.conversationId) return;
      if (!messageId) early.push(event);
      else if (event.messageIds.includes(messageId)) settle?.(event);
    });
    try {
      const received = await this.intake.receive(intake);
      messageId = received.messageId;
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
