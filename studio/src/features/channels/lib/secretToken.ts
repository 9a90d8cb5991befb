/** What Telegram accepts in `secret_token`: 64 characters, so one byte's low 6 bits pick one evenly. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random secret of `length` characters of A-Z a-z 0-9 _ -, from the browser's cryptographic random source. */
export function generateSecretToken(length = 32): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte & 63]).join('');
}
