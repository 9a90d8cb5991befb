import { Inject, Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxDelivery } from '../../runtime-host/outbox-delivery';
import { RuntimeHostModule } from '../../runtime-host/runtime-host.module';
import { TurnServices } from '../../runtime-host/turn-services';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { ChannelDeliverySender } from './delivery/channel-delivery.sender';
import { SEND_PACER } from './delivery/create-send-pacer';
import type { SendPacer } from './delivery/send-pacer';
import { ChannelInboundService } from './inbound/channel-inbound.service';
import { ChannelWebhooksController } from './inbound/channel-webhooks.controller';
import { ChannelMedia } from './media/channel-media';
import { MediaController } from './media/media.controller';
import { WebchatGateway } from './webchat/webchat.gateway';
import { WebchatVisitors } from './webchat/webchat-visitors';
import { WebchatWidgetController } from './webchat/webchat-widget.controller';
import { RUNTIME_EVENTS } from '../../runtime-host/turn-events';
import type { RuntimeEvents } from '../../runtime-host/turn-events';

const DELIVERED_CHANNELS = ['whatsapp_cloud', 'evolution', 'telegram', 'twilio'] as const;

/** Connected numbers and bots: their API, their webhooks, and the sender the outbox delivers through. */
@Module({
  imports: [RuntimeHostModule],
  controllers: [ChannelsController, ChannelWebhooksController, WebchatWidgetController, MediaController],
  providers: [ChannelsService, ChannelInboundService, WebchatVisitors, WebchatGateway, ChannelMedia],
  exports: [ChannelsService],
})
export class ChannelsModule implements OnModuleInit {
  constructor(
    @Inject(SEND_PACER) private readonly pacer: SendPacer,
    private readonly delivery: OutboxDelivery,
    private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
    private readonly turnServices: TurnServices,
    private readonly media: ChannelMedia,
  ) {}

  onModuleInit(): void {
    const sender = new ChannelDeliverySender(this.dataSource, this.channels, this.pacer);
    for (const type of DELIVERED_CHANNELS) this.delivery.registerSender(type, sender);
    // Files customers send, for the nodes that ask for them (a "file" question).
    this.turnServices.registerMedia((scope) => this.media.portFor(scope));
    // The widget shows every kind of message itself; the socket (in whichever process holds it) pushes them.
    this.delivery.registerSender('webchat', {
      send: (message, c) => this.events.publish({ type: 'outbound.delivered', tenantId: c.tenantId, conversationId: c.conversationId, outboxId: c.outboxId, message }),
    });
  }
}
