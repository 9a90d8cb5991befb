import type { Namespace, Server } from 'socket.io';

/**
 * Emits to a room only when a socket of this process is in it. socket.io encodes the packet
 * before it looks at the room, and runtime events reach every gateway of every process for every
 * conversation: encoding each turn's trace for nobody showed in the channel benchmark's profile.
 * Rooms are per process here (each process gets the events itself, over Redis), so the local
 * room is the whole truth.
 */
export function emitToRoom(server: Server | Namespace, room: string, event: string, payload: unknown): void {
  // A gateway with a namespace is handed the Namespace (its `adapter` is the adapter); the root one, the Server.
  const namespace = typeof (server as Server).adapter === 'function' ? (server as Server).sockets : (server as Namespace);
  if (!namespace.adapter.rooms.has(room)) return;
  namespace.to(room).emit(event, payload);
}
