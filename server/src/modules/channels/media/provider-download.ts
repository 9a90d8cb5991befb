import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';

/** How long a provider has to start answering a download: as long as the adapters give their own calls. */
export const DOWNLOAD_ANSWER_MS = 10_000;

export type Download = { body: Readable; contentType: string | null; sizeBytes?: number };

/**
 * Starts downloading a file from a provider, streamed (files run to megabytes): the provider must
 * answer within `answerMs`, or the download fails with that reason instead of holding the caller's
 * request and a socket for as long as the provider hangs. Once it answers, the body takes the time
 * it takes. Fails with an Error whose message says what happened (never the URL: it may hold a token).
 */
export async function startDownload(url: string, headers: Record<string, string> | undefined, answerMs = DOWNLOAD_ANSWER_MS): Promise<Download> {
  const answered = new AbortController();
  const timer = setTimeout(() => answered.abort(new Error(`the provider did not answer within ${answerMs / 1000} s`)), answerMs);
  let response: Response;
  try {
    response = await fetch(url, { ...(headers ? { headers } : {}), signal: answered.signal });
  } catch (error) {
    throw answered.signal.aborted ? (answered.signal.reason as Error) : new Error(`the download failed: ${causeOf(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`the download answered ${response.status}`);
  }
  const length = Number(response.headers.get('content-length'));
  return {
    body: Readable.fromWeb(response.body as ReadableStream),
    contentType: response.headers.get('content-type'),
    ...(Number.isFinite(length) && length > 0 ? { sizeBytes: length } : {}),
  };
}

/** fetch says "fetch failed"; the socket's error (refused, reset) is its cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
