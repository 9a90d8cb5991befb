import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { emitToRoom } from '../../../platform/realtime/emit-to-room';
import { RUNTIME_EVENTS } from '../../../runtime-host/turn-events';
import type { RuntimeEvents } from '../../../runtime-host/turn-events';
import { InboundIntake } from '../../../runtime-host/inbound-intake';
import { WebchatVisitors } from './webchat-visitors';
import type { VisitorMessage } from './webchat-visitors';

const room = (conversationId: string) => `webchat:${conversationId}`;

type Session = { channelId: string; tenantId: string; visitorId: string };
type JoinBody = { key?: string; visitorId?: string };
type SendBody = { id?: string; text?: string; reply?: { id?: string; title?: string } };

/**
 * The website widget's connection (socket.io, namespace /webchat). A visitor `join`s with the
 * channel's public key and the visitor id their browser keeps (a new one when they have none);
 * they get the chat's look and their history, then `send` texts or button replies and receive
 * `reply` events as the bot answers. Only pages of the channel's allowed origins may join.
 */
@WebSocketGateway({ namespace: '/webchat', cors: { origin: true } })
export class WebchatGateway implements OnModuleInit, OnModuleDestroy {
  @WebSocketServer() server!: Server;
  private unsubscribe?: () => void;

  constructor(
    private readonly visitors: WebchatVisitors,
    private readonly intake: InboundIntake,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      if (this.server && event.type === 'outbound.delivered') emitToRoom(this.server, room(event.conversationId), 'reply', { id: event.outboxId, message: event.message });
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: JoinBody) {
    const channel = await this.visitors.channelForKey(String(body?.key ?? ''), socket.handshake.headers.origin);
    if (!channel.ok) return { ok: false, error: channel.error };
    const visitorId = isVisitorId(body?.visitorId) ? body.visitorId : randomBytes(18).toString('base64url');
    const session: Session = { channelId: channel.channel.id, tenantId: channel.channel.tenantId, visitorId };
    socket.data.session = session;
    const history = await this.visitors.history(session);
    if (history.conversationId) await socket.join(room(history.conversationId));
    return { ok: true, visitorId, look: channel.channel.look, messages: history.messages };
  }

  @SubscribeMessage('send')
  async send(@ConnectedSocket() socket: Socket, @MessageBody() body: SendBody) {
    const session = socket.data.session as Session | undefined;
    if (!session) return { ok: false, error: 'Join the chat first.' };
    const message = visitorMessage(body);
    if (!message) return { ok: false, error: 'Write a message (up to 4096 characters) or choose an option.' };
    const received = await this.intake.receiveFrom({
      tenantId: session.tenantId, channel: 'webchat', channelId: session.channelId,
      address: `${session.channelId}:${session.visitorId}`, replyAddress: session.visitorId,
      contact: { key: `webchat:${session.visitorId}` },
      type: message.type, content: { kind: 'message', message }, externalId: `${session.channelId}:${isClientId(body.id) ? body.id : randomUUID()}`,
    });
    await socket.join(room(received.conversationId));
    return { ok: true, id: received.messageId };
  }
}

const isVisitorId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value);
const isClientId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value);

function visitorMessage(body: SendBody): VisitorMessage | undefined {
  if (body?.reply && typeof body.reply.id === 'string' && body.reply.id.length <= 256) {
    const title = typeof body.reply.title === 'string' ? body.reply.title.slice(0, 256) : undefined;
    return { type: 'interactive_reply', text: title, interactive: { id: body.reply.id, title, source: 'reply_button' } };
  }
  const text = typeof body?.text === 'string' ? body.text.trim() : '';
  if (!text || text.length > 4096) return undefined;
  return { type: 'text', text };
}
