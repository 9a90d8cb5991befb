import { Injectable } from '@nestjs/common';
import type { MediaPort, ServicePorts } from '@fluxo/node-sdk';

/** What a turn knows of where its conversation lives, for ports bound to it. */
export type TurnServiceScope = {
  tenantId: string; conversationId: string;
  /** The channel type ('whatsapp_cloud', 'simulator'...) and the connected channel, if any. */
  channel: string; channelId: string | null;
};

/**
 * Ports a turn gets on top of the engine's own, bound to its conversation. Feature modules
 * register them (the channels module: downloading files a customer sent through its channel),
 * so the runtime host knows no channel.
 */
@Injectable()
export class TurnServices {
  private media?: (scope: TurnServiceScope) => MediaPort | undefined;

  registerMedia(factory: (scope: TurnServiceScope) => MediaPort | undefined): void {
    this.media = factory;
  }

  forTurn(scope: TurnServiceScope): Partial<ServicePorts> | undefined {
    const media = this.media?.(scope);
    return media ? { media } : undefined;
  }
}
