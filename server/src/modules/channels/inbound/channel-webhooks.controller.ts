import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/auth.decorators';
import { APP_CONFIG } from '../../../platform/config/app-config';
import type { AppConfig } from '../../../platform/config/app-config';
import { parseId } from '../../../platform/http/parse-body';
import type { ChannelType, WebhookRequest } from '../adapters/channel-adapter';
import { verifyHandshake } from '../adapters/whatsapp-cloud/whatsapp-cloud.verify';
import { channelNotFound, webhookForbidden } from '../channels.errors';
import { ChannelsService } from '../channels.service';
import type { LoadedChannel } from '../channels.service';
import { ChannelInboundService } from './channel-inbound.service';
import { splitByPhoneNumber } from './shared-whatsapp-app';

/**
 * Provider webhooks: `/webhooks/<channel>/<channelId>`. The body arrives as raw bytes (see
 * bootstrap), because signatures are computed over them. A channel that does not exist, or is of
 * another type, answers 404 like any unknown id.
 */
@ApiExcludeController()
@Public()
@Controller('webhooks')
export class ChannelWebhooksController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly inbound: ChannelInboundService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Meta's verification handshake when the callback URL is saved in the App Dashboard. */
  @Get('whatsapp-cloud/:channelId')
  async whatsAppHandshake(@Param('channelId') channelId: string, @Query() query: Record<string, string>, @Res() res: Response): Promise<void> {
    const channel = await this.channelOf(channelId, 'whatsapp_cloud');
    const result = verifyHandshake(query, channel.config);
    if (!result.ok) throw webhookForbidden(result.reason);
    res.status(200).type('text/plain').send(result.challenge);
  }

  @Post('whatsapp-cloud/:channelId')
  @HttpCode(200)
  async whatsApp(@Param('channelId') channelId: string, @Req() req: Request): Promise<{ ok: true }> {
    await this.inbound.receiveWebhook(await this.channelOf(channelId, 'whatsapp_cloud'), this.requestOf(req));
    return { ok: true };
  }

  /** One Meta app for every tenant: each entry goes to the channel of its phone_number_id. */
  @Post('whatsapp-cloud')
  @HttpCode(200)
  async whatsAppShared(@Req() req: Request): Promise<{ ok: true }> {
    const request = this.requestOf(req);
    for (const part of splitByPhoneNumber(request)) {
      const channel = await this.channels.loadWhatsAppByAccount(part.phoneNumberId);
      if (!channel) continue; // a number no tenant connected (yet): Meta must not retry it forever
      await this.inbound.receiveWebhook(channel, part.request, request);
    }
    return { ok: true };
  }

  @Post('evolution/:channelId/:token')
  @HttpCode(200)
  async evolution(@Param('channelId') channelId: string, @Param('token') token: string, @Req() req: Request): Promise<{ ok: true }> {
    const channel = await this.channelOf(channelId, 'evolution');
    // Evolution signs nothing: the unguessable token in the URL is what proves the sender.
    if (!sameSecret(token, channel.row.webhook_token)) throw webhookForbidden('The webhook URL token is wrong: copy the webhook URL from the channel again.');
    await this.inbound.receiveWebhook(channel, this.requestOf(req));
    return { ok: true };
  }

  @Post('telegram/:channelId')
  @HttpCode(200)
  async telegram(@Param('channelId') channelId: string, @Req() req: Request): Promise<{ ok: true }> {
    await this.inbound.receiveWebhook(await this.channelOf(channelId, 'telegram'), this.requestOf(req));
    return { ok: true };
  }

  /** Twilio wants TwiML back; an empty Response means "no immediate reply" (replies go through the API). */
  @Post('twilio/:channelId')
  async twilio(@Param('channelId') channelId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.inbound.receiveWebhook(await this.channelOf(channelId, 'twilio'), this.requestOf(req));
    res.status(200).type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  }

  private async channelOf(channelId: string, type: ChannelType): Promise<LoadedChannel> {
    const channel = await this.channels.loadForWebhook(parseId(channelId, 'The channel'));
    if (!channel || channel.row.type !== type) throw channelNotFound();
    return channel;
  }

  private requestOf(req: Request): WebhookRequest {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name.toLowerCase(), value]] : Array.isArray(value) ? [[name.toLowerCase(), value.join(', ')]] : []));
    const query = Object.fromEntries(Object.entries(req.query).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
    // Twilio signs the URL it called: the public URL, not the one this process sees behind a proxy.
    return { method: req.method, rawBody, headers, query, url: `${this.config.publicUrl}${req.originalUrl}` };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
