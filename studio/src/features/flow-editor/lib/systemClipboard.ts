/**
 * The last copy, kept in memory too: the system clipboard can be missing (plain http, an old
 * browser) or refuse the write (no permission), and copy/paste inside one tab must still work.
 */
let lastCopy: { text: string; inSystem: boolean } | null = null;

/** Puts `text` on the system clipboard when the browser allows it, and in memory in every case. */
export async function writeClipboardText(text: string): Promise<void> {
  const copy = { text, inSystem: false };
  lastCopy = copy;
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) return;
  try {
    await clipboard.writeText(text);
    copy.inSystem = true;
  } catch {
    // Refused (no permission, page not focused): the in-memory copy still serves this tab.
  }
}

/**
 * The text a paste should use. The system clipboard's text wins when it is ours; the memory copy
 * serves when the system clipboard could not take it (or the browser gave no text). When our copy
 * did reach the system clipboard and something else was copied after it, that newer text wins.
 */
export function pastedText(systemText: string | null, isOurs: (text: string) => boolean): string | null {
  if (systemText && isOurs(systemText)) return systemText;
  if (!lastCopy) return null;
  return !systemText || !lastCopy.inSystem ? lastCopy.text : null;
}

/** Forgets the in-memory copy (tests start clean). */
export function forgetClipboard(): void {
  lastCopy = null;
}
