import { cloneJson } from '@fluxo/node-sdk';
import type { JsonObject, OutboundMessage } from '@fluxo/node-sdk';
import type { Outbox, Scheduler, StateStore } from '../ports';
import type { ConversationState, TimerEffect } from '../runtime/turn-types';

/** Conversation states by id, stored as JSON copies (as Postgres would). */
export class InMemoryStateStore implements StateStore {
  private readonly states = new Map<string, string>();

  async load(conversationId: string): Promise<ConversationState | null> {
    const json = this.states.get(conversationId);
    return json ? (JSON.parse(json) as ConversationState) : null;
  }

  async save(conversationId: string, state: ConversationState): Promise<void> {
    this.states.set(conversationId, JSON.stringify(state));
  }
}

/** Outbound messages in the order the bot sent them, per conversation. */
export class InMemoryOutbox implements Outbox {
  private readonly sent = new Map<string, OutboundMessage[]>();

  async enqueue(conversationId: string, messages: OutboundMessage[]): Promise<void> {
    const list = this.sent.get(conversationId) ?? [];
    list.push(...messages.map((m) => cloneJson(m as unknown as JsonObject) as unknown as OutboundMessage));
    this.sent.set(conversationId, list);
  }

  messages(conversationId: string): OutboundMessage[] {
    return this.sent.get(conversationId) ?? [];
  }
}

export type PendingTimer = { conversationId: string; timerId: string; fireAt: number; nodeId: string };

/** Timers by id; `due` hands out the ones whose time has come, earliest first. */
export class InMemoryScheduler implements Scheduler {
  private readonly timers = new Map<string, PendingTimer>();

  async apply(conversationId: string, effects: TimerEffect[]): Promise<void> {
    for (const effect of effects) {
      if (effect.action === 'cancel') this.timers.delete(effect.timerId);
      else this.timers.set(effect.timerId, { conversationId, timerId: effect.timerId, fireAt: Date.parse(effect.fireAt), nodeId: effect.nodeId });
    }
  }

  /** Removes and returns the timers due at `nowMs`. */
  takeDue(nowMs: number): PendingTimer[] {
    const due = [...this.timers.values()].filter((t) => t.fireAt <= nowMs).sort((a, b) => a.fireAt - b.fireAt);
    for (const timer of due) this.timers.delete(timer.timerId);
    return due;
  }

  pending(): PendingTimer[] {
    return [...this.timers.values()].sort((a, b) => a.fireAt - b.fireAt);
  }
}
