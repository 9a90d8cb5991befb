import { io } from 'socket.io-client';
import type { SimulationReply, SimulationTurn } from '../types';

export type SimulatorSocketHandlers = {
  onReply(reply: SimulationReply): void;
  onTurn(turn: SimulationTurn): void;
};

/** One simulation's live channel; `close` ends it. */
export type SimulatorSocket = { close(): void };

/**
 * Joins a simulation's room and reports what the bot says later (delays, timeouts). Behind this
 * small type so that tests hand in a fake instead of socket.io.
 */
export type ConnectSimulatorSocket = (simulationId: string, token: string, handlers: SimulatorSocketHandlers) => SimulatorSocket;

/** socket.io on the page's own origin (Vite proxies /socket.io in development). */
export const connectSocketIo: ConnectSimulatorSocket = (simulationId, token, handlers) => {
  const socket = io('/simulations', { transports: ['websocket', 'polling'] });
  // A reconnect lands in a new server socket without the room: join on every connect.
  socket.on('connect', () => socket.emit('join', { simulationId, token }));
  socket.on('reply', (reply: SimulationReply) => handlers.onReply(reply));
  socket.on('turn', (turn: SimulationTurn) => handlers.onTurn(turn));
  return { close: () => socket.close() };
};
