import type { ContactInfo, HttpTriggerRequest, HttpTriggerResponse, InboundMessage, OutboundMessage } from '@fluxo/node-sdk';
import { Engine } from '../runtime/engine';
import type { EngineOptions } from '../runtime/engine';
import type { ConversationState, OutboundOrigin, TurnEvent, TurnResult } from '../runtime/turn-types';
import { ManualClock } from './clocks';
import { InMemoryFlowSource } from './in-memory-flows';
import { InMemoryOutbox, InMemoryScheduler, InMemoryStateStore } from './in-memory-stores';

export type InMemoryRuntimeOptions = Omit<EngineOptions, 'flows' | 'clock'> & {
  flows?: InMemoryFlowSource;
  clock?: ManualClock;
};

export type HttpCallResult = { status: number; body: unknown; headers?: Record<string, string>; conversationId?: string; turn?: TurnResult };

/**
 * A whole Fluxo host in memory: flows, states, outbox, timers and contacts around the engine,
 * with the same rules as the server (one turn at a time per conversation, timers cancelled when
 * the wait ends). Unit tests run complete conversations with it.
 */
export class InMemoryRuntime {
  readonly flows: InMemoryFlowSource;
  readonly clock: ManualClock;
  readonly engine: Engine;
  readonly states = new InMemoryStateStore();
  readonly outbox = new InMemoryOutbox();
  readonly scheduler = new InMemoryScheduler();
  private readonly contacts = new Map<string, ContactInfo>();
  private readonly history = new Map<string, TurnResult[]>();
  private readonly mailboxes = new Map<string, Promise<unknown>>();
  private messageCount = 0;

  constructor(options: InMemoryRuntimeOptions) {
    this.flows = options.flows ?? new InMemoryFlowSource();
    this.clock = options.clock ?? new ManualClock();
    this.engine = new Engine({ ...options, flows: this.flows, clock: this.clock });
  }

  /** The customer sends a text. */
  sendText(conversationId: string, text: string, contact?: Partial<ContactInfo>): Promise<TurnResult> {
    return this.sendMessage(conversationId, { type: 'text', text }, contact);
  }

  /** The customer taps a button or list row the bot sent. */
  clickButton(conversationId: string, id: string, title?: string): Promise<TurnResult> {
    return this.sendMessage(conversationId, { type: 'interactive_reply', text: title, interactive: { id, title, source: 'reply_button' } });
  }

  sendMessage(conversationId: string, message: Omit<InboundMessage, 'id' | 'timestamp'>, contact?: Partial<ContactInfo>): Promise<TurnResult> {
    const inbound: InboundMessage = { ...message, id: `in-${++this.messageCount}`, timestamp: new Date(this.clock.now()).toISOString() };
    if (contact) this.contactOf(conversationId, contact);
    return this.turn(conversationId, { type: 'message', message: inbound });
  }

  /** An outside event (a handoff resolved...) for a conversation. */
  emit(conversationId: string, name: string, payload?: TurnEvent extends infer E ? (E extends { type: 'event'; payload?: infer P } ? P : never) : never): Promise<TurnResult> {
    return this.turn(conversationId, { type: 'event', name, payload });
  }

  /** The channel refused, for good, a message `origin` sent (what the host does after a permanent delivery failure). */
  failDelivery(conversationId: string, origin: OutboundOrigin, error = { code: 'outside_window', message: 'Outside the 24-hour window.' }): Promise<TurnResult> {
    return this.turn(conversationId, { type: 'delivery_failed', ...origin, error });
  }

  /** Moves the clock and fires every timer that comes due, in time order. */
  async advance(ms: number): Promise<TurnResult[]> {
    const target = this.clock.now() + ms;
    const results: TurnResult[] = [];
    for (;;) {
      const next = this.scheduler.pending()[0];
      if (!next || next.fireAt > target) break;
      this.clock.set(Math.max(this.clock.now(), next.fireAt));
      for (const timer of this.scheduler.takeDue(this.clock.now())) {
        results.push(await this.turn(timer.conversationId, { type: 'timer', timerId: timer.timerId }));
      }
    }
    this.clock.set(target);
    return results;
  }

  /** An HTTP call to a trigger path, answered as the server would (404, 401, the flow's response, or 202). */
  async callHttp(request: Partial<HttpTriggerRequest> & { path: string }): Promise<HttpCallResult> {
    const full: HttpTriggerRequest = { method: 'POST', headers: {}, query: {}, body: null, ...request };
    const target = await this.engine.matchHttpTrigger(full);
    if (target === null) return { status: 404, body: { error: 'No published flow has an HTTP trigger for this path.' } };
    if (target === 'unauthorized') return { status: 401, body: { error: 'Missing or wrong secret header.' } };
    const conversationId = `http:${target.match.conversationKey ?? 'anonymous'}`;
    const turn = await this.turn(conversationId, { type: 'http', request: full, ...target });
    const response: HttpTriggerResponse = turn.httpResponse ?? { status: 202, body: { accepted: true } };
    return { ...response, conversationId, turn };
  }

  replies(conversationId: string): OutboundMessage[] {
    return this.outbox.messages(conversationId);
  }

  /** The texts the bot sent (buttons and lists included), for readable assertions. */
  replyTexts(conversationId: string): string[] {
    return this.replies(conversationId).flatMap((m) => ('text' in m ? [m.text] : m.kind === 'media' ? [m.caption ?? m.url] : []));
  }

  turns(conversationId: string): TurnResult[] {
    return this.history.get(conversationId) ?? [];
  }

  state(conversationId: string): Promise<ConversationState | null> {
    return this.states.load(conversationId);
  }

  contactOf(conversationId: string, patch?: Partial<ContactInfo>): ContactInfo {
    let contact = this.contacts.get(conversationId);
    if (!contact) {
      contact = { id: `contact:${conversationId}`, isNew: true, fields: {} };
      this.contacts.set(conversationId, contact);
    }
    if (patch) Object.assign(contact, patch);
    return contact;
  }

  /** One turn at a time per conversation, in arrival order. */
  private turn(conversationId: string, event: TurnEvent): Promise<TurnResult> {
    const previous = this.mailboxes.get(conversationId) ?? Promise.resolve();
    const run = previous.then(() => this.runTurn(conversationId, event));
    this.mailboxes.set(conversationId, run.catch(() => undefined));
    return run;
  }

  private async runTurn(conversationId: string, event: TurnEvent): Promise<TurnResult> {
    const contact = this.contactOf(conversationId);
    const state = await this.states.load(conversationId);
    const result = await this.engine.runTurn({ state, event, contact, conversation: { id: conversationId, channel: 'memory' } });
    if (result.status !== 'ignored' && result.status !== 'no_match') {
      await this.states.save(conversationId, result.state);
      await this.outbox.enqueue(conversationId, result.outbound);
      await this.scheduler.apply(conversationId, result.timers);
      if (result.contactFields) contact.fields = result.contactFields;
    }
    if (event.type === 'message') contact.isNew = false;
    this.history.set(conversationId, [...this.turns(conversationId), result]);
    return result;
  }
}
