import { MEDIA_LINK_TTL_MS, MediaLinks } from './media-links';

describe('media links', () => {
  const links = new MediaLinks('a'.repeat(64));
  const now = Date.parse('2026-05-13T12:00:00Z');
  const parts = (path: string) => {
    const url = new URL(path, 'http://x');
    const [, , channelId, mediaId] = url.pathname.split('/');
    return { channelId: decodeURIComponent(channelId!), mediaId: decodeURIComponent(mediaId!), expires: url.searchParams.get('expires')!, signature: url.searchParams.get('signature')! };
  };

  it('accepts its own link until it expires', () => {
    const link = links.sign('ch-1', 'media/1+2', now);
    const p = parts(link.path);
    expect(p).toMatchObject({ channelId: 'ch-1', mediaId: 'media/1+2' });
    expect(link.expiresAt.getTime()).toBe(now + MEDIA_LINK_TTL_MS);
    expect(links.check(p.channelId, p.mediaId, p.expires, p.signature, now)).toBe('ok');
    expect(links.check(p.channelId, p.mediaId, p.expires, p.signature, now + MEDIA_LINK_TTL_MS + 1000)).toBe('expired');
  });

  it('refuses a link for another file or channel, a changed expiry, another key, or a missing part', () => {
    const p = parts(links.sign('ch-1', 'm1', now).path);
    expect(links.check('ch-1', 'm2', p.expires, p.signature, now)).toBe('invalid');
    expect(links.check('ch-2', 'm1', p.expires, p.signature, now)).toBe('invalid');
    expect(links.check('ch-1', 'm1', String(Number(p.expires) + 3600), p.signature, now)).toBe('invalid');
    expect(new MediaLinks('b'.repeat(64)).check('ch-1', 'm1', p.expires, p.signature, now)).toBe('invalid');
    expect(links.check('ch-1', 'm1', undefined, p.signature, now)).toBe('invalid');
    expect(links.check('ch-1', 'm1', p.expires, undefined, now)).toBe('invalid');
    expect(links.check('ch-1', 'm1', 'soon', p.signature, now)).toBe('invalid');
  });
});
