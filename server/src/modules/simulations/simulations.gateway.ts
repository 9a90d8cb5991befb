import { Inject } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { emitToRoom } from '../../platform/realtime/emit-to-room';
import { DataSource } from 'typeorm';
import { TokenService } from '../../platform/auth/token.service';
import { queryOne } from '../../platform/database/sql';
import { RUNTIME_EVENTS } from '../../runtime-host/turn-events';
import type { RuntimeEvents } from '../../runtime-host/turn-events';
import { SIMULATOR_CHANNEL } from './simulations.service';

const room = (simulationId: string) => `simulation:${simulationId}`;

/**
 * Pushes what a simulation's bot says later (after a delay node, a question timeout) to the studio.
 * Clients emit `join` with `{ simulationId, token }` and receive `reply` and `turn` events.
 */
@WebSocketGateway({ namespace: '/simulations', cors: { origin: true } })
export class SimulationsGateway implements OnModuleInit, OnModuleDestroy {
  @WebSocketServer() server!: Server;
  private unsubscribe?: () => void;

  constructor(
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      if (!this.server) return;
      if (event.type === 'outbound.delivered') emitToRoom(this.server, room(event.conversationId), 'reply', { id: event.outboxId, message: event.message });
      if (event.type === 'turn.completed') {
        emitToRoom(this.server, room(event.conversationId), 'turn', { turnId: event.turnId, status: event.status, waitingFor: event.waitingFor, trace: event.trace, vars: event.vars });
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: { simulationId?: string; token?: string }): Promise<{ ok: boolean; error?: string }> {
    try {
      const claims = this.tokens.verifyAccessToken(String(body?.token ?? ''));
      const found = await queryOne(this.dataSource, `SELECT 1 FROM conversations WHERE id::text = $1 AND tenant_id = $2 AND channel = $3`,
        [String(body?.simulationId ?? ''), claims.tid, SIMULATOR_CHANNEL]);
      if (!found) return { ok: false, error: 'The simulation was not found.' };
      await socket.join(room(String(body.simulationId)));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
}
