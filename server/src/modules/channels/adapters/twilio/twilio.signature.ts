import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult, WebhookRequest } from '../channel-adapter';

/**
 * X-Twilio-Signature (channels.md §4.2): base64 HMAC-SHA1, keyed with the Auth Token, over the
 * full URL followed by every POST parameter as name + value, names sorted. A name that repeats
 * contributes each distinct value once, values sorted (what Twilio's own SDK does). Values are the
 * decoded ones, and empty values still contribute their name.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  let data = url;
  for (const name of [...new Set(params.keys())].sort()) {
    for (const value of [...new Set(params.getAll(name))].sort()) data += name + value;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The URL as given, plus the same URL with the scheme's default port added or removed: Twilio's
 * signing is inconsistent about default ports, so its SDKs accept both. Only the default port is
 * toggled (a signature for another port is not ours), and the rest of the URL is kept byte for
 * byte, because re-serializing it could change the query's percent-encoding, which is signed.
 */
export function signedUrlCandidates(url: string): string[] {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^/?#]*)(.*)$/s.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
  if (!defaultPort) return [url];
  const hostPort = /^(.*?)(?::(\d*))?$/s.exec(authority)!;
  const host = hostPort[1]!;
  const port = hostPort[2];
  if (port === undefined) return [url, `${scheme}//${host}:${defaultPort}${rest}`];
  if (port === defaultPort) return [url, `${scheme}//${host}${rest}`];
  return [url];
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The JSON-bodied webhooks of newer products sign only the URL, which carries the body's SHA-256. */
function bodySha256Of(url: string): string | undefined {
  const query = url.split('#')[0]!.split('?')[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get('bodySHA256') ?? undefined);
}

/** The parameters that are signed: the form of a POST; nothing for GET or a body signed by hash. */
function signedParams(request: WebhookRequest, bodyHash: string | undefined): URLSearchParams {
  if (bodyHash !== undefined || request.method.toUpperCase() !== 'POST') return new URLSearchParams();
  return new URLSearchParams(request.rawBody.toString('utf8'));
}

const HINT =
  "check the channel's Auth Token (the account's primary token) and the server's PUBLIC_URL: Twilio signs the exact public URL it called (scheme, host, port, path and query)";

export function verifyTwilioSignature(request: WebhookRequest, authToken: string): VerifyResult {
  const header = request.headers['x-twilio-signature'];
  if (!header) return { ok: false, reason: `X-Twilio-Signature header missing: the request did not come from Twilio; if it did, ${HINT}.` };
  const bodyHash = bodySha256Of(request.url);
  const params = signedParams(request, bodyHash);
  // Every candidate is computed and compared, so the time taken does not depend on which one matched.
  const matches = signedUrlCandidates(request.url).map((url) => safeEqual(twilioSignature(authToken, url, params), header));
  if (!matches.includes(true)) {
    return { ok: false, reason: `X-Twilio-Signature does not match ${request.url}: ${HINT}.` };
  }
  if (bodyHash !== undefined && !safeEqual(createHash('sha256').update(request.rawBody).digest('hex'), bodyHash.toLowerCase())) {
    return { ok: false, reason: 'The body does not match the bodySHA256 the signed URL carries: it was changed on the way.' };
  }
  return { ok: true };
}
