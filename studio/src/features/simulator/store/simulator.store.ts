import type { JsonObject } from '@fluxo/node-sdk';
import { create } from 'zustand';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import { connectSocketIo } from '../lib/simulatorSocket';
import type { ConnectSimulatorSocket } from '../lib/simulatorSocket';
import { appendPath, EMPTY_PATH, pathOfTrace } from '../lib/runPath';
import type { EdgeLike, RunPath } from '../lib/runPath';
import type { OutboundMessage, SimulationReply, SimulationSource, SimulationTurn, TraceStep, TurnStatus, WaitingFor } from '../types';

export type ChatEntry =
  | { id: string; from: 'user'; text: string; at: number }
  | { id: string; from: 'bot'; message: OutboundMessage; at: number };

/** One turn as the trace viewer lists it. */
export type RecordedTurn = { id: string; status: TurnStatus; trace: TraceStep[]; at: number };

type Conversation = {
  simulationId: string | null;
  entries: ChatEntry[];
  /** Outbox ids already shown: the HTTP answer and the socket both carry a turn's replies. */
  seenReplyIds: string[];
  turns: RecordedTurn[];
  vars: JsonObject | null;
  previousVars: JsonObject | null;
  status: TurnStatus | null;
  waitingFor: WaitingFor | null;
  /** The bot is "typing" (a typing message on, not yet followed by a message). */
  typing: boolean;
  sending: boolean;
  /** The last turn outlived the server's wait; its replies arrive on the socket. */
  pending: boolean;
  error: string | null;
  path: RunPath;
  /** The editor's change count when the simulation started (the draft it first ran). */
  startedAtChange: number | null;
};

type SimulatorState = Conversation & {
  source: SimulationSource;
  /** How the session opens a simulation's socket (tests put a fake here). */
  connect: ConnectSimulatorSocket;
  /** The editor's autosave status, handed over by SimulatorButton: a draft turn runs the saved draft. */
  saveStatus: SaveStatus;
  setSaveStatus(status: SaveStatus): void;
  /** Another source starts another conversation. */
  setSource(source: SimulationSource): void;
  /** Forgets the conversation (restart, or the editor closed). */
  reset(): void;
  addUserMessage(text: string): void;
  setSending(sending: boolean): void;
  startedSimulation(simulationId: string, changeCount: number): void;
  addReplies(replies: readonly SimulationReply[]): void;
  /** Records a finished turn once (by turn id), extending the canvas path along `edges`. */
  applyTurn(turn: SimulationTurn, edges: readonly EdgeLike[]): void;
  markPending(): void;
  failSend(message: string): void;
};

const fresh = (): Conversation => ({
  simulationId: null,
  entries: [],
  seenReplyIds: [],
  turns: [],
  vars: null,
  previousVars: null,
  status: null,
  waitingFor: null,
  typing: false,
  sending: false,
  pending: false,
  error: null,
  path: EMPTY_PATH,
  startedAtChange: null,
});

let localIds = 0;

/**
 * The simulated conversation of the open flow. A store, not panel state: closing the dock keeps
 * the chat, and the socket (held by SimulatorButton) keeps adding what the bot says later.
 */
export const useSimulatorStore = create<SimulatorState>()((set) => ({
  ...fresh(),
  source: 'draft',
  connect: connectSocketIo,
  saveStatus: 'saved',
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  setSource: (source) => set((state) => (state.source === source ? state : { ...fresh(), source })),
  reset: () => set(fresh()),
  addUserMessage: (text) =>
    set((state) => ({ entries: [...state.entries, { id: `local-${++localIds}`, from: 'user', text, at: Date.now() }], error: null, pending: false })),
  setSending: (sending) => set({ sending }),
  startedSimulation: (simulationId, changeCount) => set({ simulationId, startedAtChange: changeCount }),
  addReplies: (replies) =>
    set((state) => {
      const fresh = replies.filter((reply) => !state.seenReplyIds.includes(reply.id));
      if (fresh.length === 0) return state;
      let typing = state.typing;
      const entries = [...state.entries];
      for (const reply of fresh) {
        if (reply.message.kind === 'typing') {
          typing = reply.message.on;
          continue;
        }
        typing = false;
        entries.push({ id: reply.id, from: 'bot', message: reply.message, at: Date.now() });
      }
      return { entries, typing, seenReplyIds: [...state.seenReplyIds, ...fresh.map((reply) => reply.id)], pending: false };
    }),
  applyTurn: (turn, edges) =>
    set((state) => {
      if (state.turns.some((known) => known.id === turn.turnId)) return state;
      return {
        turns: [...state.turns, { id: turn.turnId, status: turn.status, trace: turn.trace, at: Date.now() }],
        previousVars: state.vars,
        vars: turn.vars,
        status: turn.status,
        waitingFor: turn.waitingFor,
        pending: false,
        path: appendPath(state.path, pathOfTrace(turn.trace, edges)),
      };
    }),
  markPending: () => set({ pending: true }),
  failSend: (error) => set({ error }),
}));
