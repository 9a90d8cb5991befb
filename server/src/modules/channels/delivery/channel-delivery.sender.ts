import type { OutboundMessage } from '@fluxo/node-sdk';
import type { DataSource } from 'typeorm';
import type { ChannelSender, DeliveryContext, DeliveryOutcome, DeliveryRoute } from '../../../runtime-host/outbox-delivery';
import type { ChannelAdapter, ChannelCapabilities, SendResult } from '../adapters/channel-adapter';
import { channelSpec } from '../channel-registry';
import type { ChannelsService, LoadedChannel } from '../channels.service';
import { degradeForChannel } from '../lib/degrade-outbound';
import { MENU_TTL_MS } from '../inbound/numbered-reply';
import { LocalSendPacer } from './send-pacer';
import type { SendPacer } from './send-pacer';
import { isOutsideWindow, OUTSIDE_WINDOW_MESSAGE } from './service-window';


/** Per channel type: messages per second overall and the gap between two messages to one chat. */
const PACE: Record<string, { perSecond: number; chatGapMs: number }> = {
  // Telegram: about 30 messages/s per bot, 1/s per chat.
  telegram: { perSecond: 30, chatGapMs: 1_000 },
  // Cloud API: 80/s per number by default; kept under it. The pair rate (1 per 6 s to one user) tolerates bursts.
  whatsapp_cloud: { perSecond: 50, chatGapMs: 0 },
  // Evolution (Baileys) has no limit but bans look at pacing: strictly serial, spaced replies.
  evolution: { perSecond: 10, chatGapMs: 1_000 },
  twilio: { perSecond: 50, chatGapMs: 0 },
};

/** Pacing waits up to this long inside the job; longer, the delivery comes back later through the queue. */
const SLEEP_AT_MOST_MS = 50;

/**
 * Sends to one channel in flight at once from this process. Deliveries to a provider that hangs
 * go on in the background (see DELIVERY_WAIT_MS): without a cap, each waiting conversation would
 * hold a socket to it until its timeout. Past the cap a delivery comes back after a short wait.
 * A busy number at its pace (50/s) with the Graph API answering in up to a second needs about 50.
 */
export const IN_FLIGHT_PER_CHANNEL = 64;
const IN_FLIGHT_WAIT_MS = 500;

/**
 * Delivers outbox rows through a connected channel: checks the service window, degrades the
 * message to what the channel shows (buttons → list or numbered options, long text split), paces
 * the sends and maps the adapter's result to the delivery's retry/fail/sent.
 */
export class ChannelDeliverySender implements ChannelSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    /** In-process for the embedded default; on Redis when several processes send (see channels.module.ts). */
    private readonly pacer: SendPacer = new LocalSendPacer(),
  ) {}

  /** Sends in flight per channel id (IN_FLIGHT_PER_CHANNEL). */
  private readonly inFlight = new Map<string, number>();

  async send(message: OutboundMessage, context: DeliveryContext): Promise<DeliveryOutcome> {
    const route = context.route;
    if (!route.channelId || !route.replyAddress) return failed('The conversation has no channel to reply through: was the channel deleted?', 'invalid_request');
    const channel = await this.channel(context.tenantId, route.channelId);
    if (!channel) return failed('The channel of this conversation was deleted.', 'invalid_request');
    const adapter = channelSpec(channel.row.type).adapter!;
    const capabilities = adapter.capabilities(channel.config);
    const refusal = this.refusal(message, capabilities, route);
    if (refusal) return refusal;
    const degraded = degradeForChannel(message, capabilities);
    if (degraded.menu) await this.rememberMenu(context.conversationId, degraded.menu);
    const externalIds = [...context.sentParts];
    // Parts an earlier attempt sent are skipped: a retry resumes where it stopped.
    for (let part = context.sentParts.length; part < degraded.messages.length; part += 1) {
      // The place is taken before pacing, which may wait: counted after, the cap would let through all that waited together.
      if (!this.takePlace(channel.row.id)) return { status: 'deferred', delayMs: IN_FLIGHT_WAIT_MS };
      let result: SendResult;
      try {
        const waitMs = await this.paced(channel, route);
        if (waitMs > 0) return { status: 'deferred', delayMs: waitMs };
        result = await this.sendPart(adapter, channel, route, degraded.messages[part]!, `${context.idempotencyKey}:${part}`);
      } finally {
        this.leavePlace(channel.row.id);
      }
      if (!result.ok) return result.retriable ? { status: 'retry', error: result.message, retryAfterMs: result.retryAfterMs } : failed(result.message, result.category);
      if (result.externalMessageId) {
        externalIds.push(`${channel.row.id}:${result.externalMessageId}`);
        // The last part is recorded by marking the row sent, in the same statement.
        if (part < degraded.messages.length - 1) await context.recordPart(`${channel.row.id}:${result.externalMessageId}`);
      }
    }
    return { status: 'sent', externalIds };
  }

  private takePlace(channelId: string): boolean {
    const taken = this.inFlight.get(channelId) ?? 0;
    if (taken >= IN_FLIGHT_PER_CHANNEL) return false;
    this.inFlight.set(channelId, taken + 1);
    return true;
  }

  private leavePlace(channelId: string): void {
    const left = (this.inFlight.get(channelId) ?? 1) - 1;
    if (left > 0) this.inFlight.set(channelId, left);
    else this.inFlight.delete(channelId);
  }

  private refusal(message: OutboundMessage, capabilities: ChannelCapabilities, route: DeliveryRoute): DeliveryOutcome | undefined {
    if (message.kind === 'template' && !capabilities.templates) return failed('This channel has no message templates: send a normal message instead.', 'unsupported');
    if (capabilities.serviceWindow && message.kind !== 'template' && message.kind !== 'typing' && isOutsideWindow(route.lastInboundAt, new Date())) {
      return failed(OUTSIDE_WINDOW_MESSAGE, 'outside_window');
    }
    return undefined;
  }

  /**
   * Waits for the channel's pace when the wait is short; a longer one (the next message to a
   * Telegram chat, a number at its cap) comes back as a delay, so the job frees its worker.
   */
  private paced(channel: LoadedChannel, route: DeliveryRoute): Promise<number> {
    const pace = PACE[channel.row.type] ?? { perSecond: 20, chatGapMs: 0 };
    return this.pacer.reserve({
      channelKey: `channel:${channel.row.id}`, perSecond: pace.perSecond,
      chatKey: `chat:${channel.row.id}:${route.replyAddress}`, chatGapMs: pace.chatGapMs, maxWaitMs: SLEEP_AT_MOST_MS,
    });
  }

  private async sendPart(adapter: ChannelAdapter, channel: LoadedChannel, route: DeliveryRoute, message: OutboundMessage, idempotencyKey: string): Promise<SendResult> {
    // Typing on the Cloud API is tied to the customer's message being marked read.
    const replyTo = message.kind === 'typing' && route.lastInboundExternalId ? route.lastInboundExternalId.slice(channel.row.id.length + 1) : undefined;
    return adapter.send({ to: route.replyAddress!, message, idempotencyKey, ...(replyTo ? { replyToExternalMessageId: replyTo } : {}) }, channel.config);
  }

  private async channel(tenantId: string, channelId: string): Promise<LoadedChannel | undefined> {
    const loaded = await this.channels.loadForWebhook(channelId);
    return loaded && loaded.row.tenant_id === tenantId ? loaded : undefined;
  }

  private async rememberMenu(conversationId: string, menu: NonNullable<ReturnType<typeof degradeForChannel>['menu']>): Promise<void> {
    await this.dataSource.query(`UPDATE conversations SET numbered_menu = $2 WHERE id = $1`,
      [conversationId, JSON.stringify({ ...menu, expiresAt: new Date(Date.now() + MENU_TTL_MS).toISOString() })]);
  }
}

function failed(error: string, category: string): DeliveryOutcome {
  return { status: 'failed', error, category };
}
