import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link to a file a customer sent stays valid (each download fetches it from the provider anew). */
export const MEDIA_LINK_TTL_MS = 24 * 60 * 60_000;

export type MediaLink = { path: string; expiresAt: Date };

/**
 * Signed, expiring links to inbound media: `/media/<channel>/<provider media id>?expires=&signature=`.
 * The provider's own URL needs the channel's token (Cloud API) or embeds it (Telegram), so flows
 * get this link instead, and the server fetches the file with the token when the link is used.
 */
export class MediaLinks {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    // A key of its own: a media link's signature says nothing about any other signed value.
    this.key = createHmac('sha256', secretKey).update('fluxo:media-links').digest();
  }

  sign(channelId: string, mediaId: string, now = Date.now()): MediaLink {
    const expiresAt = new Date(now + MEDIA_LINK_TTL_MS);
    const expires = String(Math.floor(expiresAt.getTime() / 1000));
    const query = new URLSearchParams({ expires, signature: this.signature(channelId, mediaId, expires) });
    return { path: `/media/${encodeURIComponent(channelId)}/${encodeURIComponent(mediaId)}?${query}`, expiresAt };
  }

  /** 'ok', or why the link is refused. */
  check(channelId: string, mediaId: string, expires: string | undefined, signature: string | undefined, now = Date.now()): 'ok' | 'invalid' | 'expired' {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return 'invalid';
    const expected = Buffer.from(this.signature(channelId, mediaId, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(expires) * 1000 < now ? 'expired' : 'ok';
  }

  private signature(channelId: string, mediaId: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${channelId}\n${mediaId}\n${expires}`).digest('base64url');
  }
}
