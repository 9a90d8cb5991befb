/**
 * The file name a download suggests: `filename*=UTF-8''…` (exact, accents included) when present,
 * else the plain `filename="…"`.
 */
export function fileNameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed escape: fall back to the plain name below.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header)?.[1];
}
