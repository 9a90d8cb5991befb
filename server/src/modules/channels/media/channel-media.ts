import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { InboundMedia, MediaPort, ResolvedMedia } from '@fluxo/node-sdk';
import { NodeError } from '@fluxo/node-sdk';
import type { TurnServiceScope } from '../../../runtime-host/turn-services';
import { channelSpec } from '../channel-registry';
import { isChannelType } from '../channel-types';
import { channelNotFound, mediaLinkRefused, mediaUnavailable } from '../channels.errors';
import { SECRET_KEY } from '../../../platform/auth/token.service';
import { APP_CONFIG } from '../../../platform/config/app-config';
import type { AppConfig } from '../../../platform/config/app-config';
import { ChannelsService } from '../channels.service';
import { MediaLinks } from './media-links';
import { startDownload } from './provider-download';

/** A file fetched from the provider, to stream to whoever holds a valid link. */
export type FetchedMedia = { body: Readable; mime: string; sizeBytes?: number };

/**
 * Files customers send: the media port turns a provider media id into a signed Fluxo link (no
 * provider call at turn time), and the link, when used, fetches the file through the channel's
 * adapter with the channel's credentials.
 */
@Injectable()
export class ChannelMedia {
  private readonly links: MediaLinks;
  private readonly publicUrl: string;

  constructor(
    private readonly channels: ChannelsService,
    @Inject(SECRET_KEY) secretKey: string,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new MediaLinks(secretKey);
    this.publicUrl = config.publicUrl;
  }

  /** The media port of a turn whose conversation came through a channel that can resolve media. */
  portFor(scope: TurnServiceScope): MediaPort | undefined {
    const channelId = scope.channelId;
    if (!channelId || !isChannelType(scope.channel) || !channelSpec(scope.channel).adapter?.resolveMedia) return undefined;
    return {
      resolve: async (media: InboundMedia): Promise<ResolvedMedia> => {
        if (!media.providerMediaId) {
          if (media.url) return { url: media.url };
          throw new NodeError('provider', 'MEDIA_WITHOUT_ID', 'The message has no file to download.', false);
        }
        const link = this.links.sign(channelId, media.providerMediaId);
        return { url: `${this.publicUrl}${link.path}`, expiresAt: link.expiresAt.toISOString() };
      },
    };
  }

  /** Checks the link, then fetches the file from the provider (each time: provider URLs expire within minutes). */
  async fetch(channelId: string, mediaId: string, expires: string | undefined, signature: string | undefined): Promise<FetchedMedia> {
    const verdict = this.links.check(channelId, mediaId, expires, signature);
    if (verdict !== 'ok') throw mediaLinkRefused(verdict);
    const channel = await this.channels.loadForWebhook(channelId);
    const resolve = channel ? channelSpec(channel.row.type).adapter?.resolveMedia : undefined;
    if (!channel || !resolve) throw channelNotFound();
    let located: Awaited<ReturnType<typeof resolve>>;
    try {
      located = await resolve.call(channelSpec(channel.row.type).adapter, mediaId, channel.config);
    } catch (error) {
      throw mediaUnavailable((error as Error).message);
    }
    const download = await startDownload(located.url, located.headers).catch((error: unknown) => {
      throw mediaUnavailable((error as Error).message);
    });
    return {
      body: download.body,
      mime: located.mime ?? download.contentType ?? 'application/octet-stream',
      ...(download.sizeBytes ? { sizeBytes: download.sizeBytes } : {}),
    };
  }
}
