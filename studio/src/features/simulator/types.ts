/** Mirrors the server's simulation views (server/src/modules/simulations/simulations.service.ts). */

import type { JsonObject, OutboundMessage } from '@fluxo/node-sdk';
import type { TraceStep } from '@fluxo/engine';

export type { OutboundMessage, OutboundButton, OutboundListSection } from '@fluxo/node-sdk';
export type { TraceStep } from '@fluxo/engine';

export type SimulationSource = 'draft' | 'published';

/** One message the bot delivered; `id` is its outbox id (the socket repeats it). */
export type SimulationReply = { id: string; message: OutboundMessage };

/** What the conversation waits for after a turn; null when the run ended. */
export type WaitingFor = { nodeId: string; for: 'input' | 'timer' | 'event'; fireAt?: string };

export type TurnStatus = 'waiting' | 'ended' | 'failed' | 'no_match' | 'ignored';

/** A finished turn, as the HTTP answer and the socket's `turn` event carry it. */
export type SimulationTurn = {
  turnId: string;
  status: TurnStatus;
  waitingFor: WaitingFor | null;
  trace: TraceStep[];
  vars: JsonObject;
};

/** `POST /api/simulations/:id/messages`: the turn with its replies, or `pending` (replies come on the socket). */
export type SendResult = (SimulationTurn & { replies: SimulationReply[] }) | { status: 'pending' };

export type SimulationInput = { text: string } | { buttonId: string };
