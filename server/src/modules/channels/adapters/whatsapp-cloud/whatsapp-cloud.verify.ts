import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ChannelConfig, VerifyResult, WebhookRequest } from '../channel-adapter';
import { parseWhatsAppCloudConfig } from './whatsapp-cloud.config';

export type HandshakeResult = { ok: true; challenge: string } | { ok: false; reason: string };

const SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * Checks `X-Hub-Signature-256` (channels.md §2.5) over the exact bytes that arrived. A GET is
 * Meta's subscription handshake instead, which carries no signature: it passes only with the
 * right verify token (see verifyHandshake, which also gives the challenge to answer with).
 */
export function verifyWebhook(request: WebhookRequest, config: ChannelConfig): VerifyResult {
  if (request.method.toUpperCase() === 'GET') {
    const handshake = verifyHandshake(request.query, config);
    return handshake.ok ? { ok: true } : handshake;
  }
  const { appSecret } = parseWhatsAppCloudConfig(config);
  return verifySignature(request.rawBody, request.headers[SIGNATURE_HEADER], appSecret);
}

export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): VerifyResult {
  const value = header?.trim();
  if (!value) {
    return { ok: false, reason: 'the X-Hub-Signature-256 header is missing: Meta signs every webhook POST, so this request did not come from Meta (or a proxy dropped the header)' };
  }
  if (!value.startsWith('sha256=')) {
    return { ok: false, reason: 'the X-Hub-Signature-256 header must start with "sha256=" (the SHA-1 X-Hub-Signature is not accepted)' };
  }
  const hex = value.slice('sha256='.length);
  // Buffer.from(hex, 'hex') silently stops at the first bad character, so check the shape first.
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    return { ok: false, reason: 'the X-Hub-Signature-256 header is malformed: expected "sha256=" and 64 hex characters' };
  }
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (!timingSafeEqual(Buffer.from(hex, 'hex'), expected)) {
    return {
      ok: false,
      reason: "the X-Hub-Signature-256 header does not match the body: check the channel's App Secret (App Dashboard → Settings → Basic) and that nothing re-encodes the body before it is verified",
    };
  }
  return { ok: true };
}

/** The GET `hub.mode=subscribe` handshake (channels.md §2.2): answer 200 with `challenge` as text/plain, else 403. */
export function verifyHandshake(query: Record<string, string | undefined>, config: ChannelConfig): HandshakeResult {
  const { verifyToken } = parseWhatsAppCloudConfig(config);
  if (query['hub.mode'] !== 'subscribe') {
    return { ok: false, reason: 'hub.mode must be "subscribe": only Meta\'s webhook verification request is answered' };
  }
  const token = query['hub.verify_token'];
  if (!token || !sameSecret(token, verifyToken)) {
    return { ok: false, reason: "hub.verify_token does not match: type the channel's verify token exactly in the App Dashboard webhook settings" };
  }
  const challenge = query['hub.challenge'];
  if (!challenge) return { ok: false, reason: 'hub.challenge is missing: Meta always sends one to echo back' };
  return { ok: true, challenge };
}

/** Hashing first gives equal-length buffers, so the compare is constant-time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
