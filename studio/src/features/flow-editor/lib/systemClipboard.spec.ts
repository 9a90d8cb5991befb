import { forgetClipboard, pastedText, writeClipboardText } from './systemClipboard';

const isOurs = (text: string) => text.startsWith('ours');

afterEach(() => {
  forgetClipboard();
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

describe('systemClipboard', () => {
  it('prefers newer text on the system clipboard once our copy reached it', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.resolve() }, configurable: true });
    await writeClipboardText('ours 1');
    expect(pastedText('ours 2', isOurs)).toBe('ours 2');
    expect(pastedText('someone else', isOurs)).toBeNull();
    expect(pastedText(null, isOurs)).toBe('ours 1');
  });

  it('falls back to the memory copy when the system clipboard is missing or refuses', async () => {
    await writeClipboardText('ours 1');
    expect(pastedText('old text', isOurs)).toBe('ours 1');

    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    await writeClipboardText('ours 2');
    expect(pastedText('old text', isOurs)).toBe('ours 2');
  });

  it('has nothing to paste before any copy', () => {
    expect(pastedText('text', isOurs)).toBeNull();
    expect(pastedText(null, isOurs)).toBeNull();
  });
});
