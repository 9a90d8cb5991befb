/** Mirrors the server's conversation views (server/src/modules/conversations/conversations.service.ts). */

import type { TraceStep } from '@fluxo/engine';

export type ConversationStatus = 'idle' | 'waiting' | 'ended' | 'failed';

/** One row of `GET /api/conversations`; `source` is `live` for real channels, else the simulated version. */
export type ConversationSummary = {
  id: string;
  channel: string;
  externalKey: string;
  source: 'live' | 'draft' | 'published' | string;
  flowId: string | null;
  flowVersion: number | null;
  status: ConversationStatus | string;
  contact: { id: string; name: string | null };
  createdAt: string;
  updatedAt: string;
};

/** A stored message: inbound content is `{kind: 'message', message}`, outbound the OutboundMessage itself. */
export type ConversationMessage = { id: string; direction: 'in' | 'out' | string; type: string; content: unknown; status: string; createdAt: string };

export type ConversationTurn = {
  id: string;
  status: string;
  flowId: string | null;
  flowVersion: number | null;
  trace: TraceStep[] | null;
  error: unknown;
  durationMs: number;
  createdAt: string;
};

export type ConversationDetail = ConversationSummary & { state: unknown; messages: ConversationMessage[]; turns: ConversationTurn[] };
