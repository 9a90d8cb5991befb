import { useEffect, useRef } from 'react';
import type { NodeCatalog } from '../components/nodeTypesContext';
import { useCanvasCommands } from './useCanvasCommands';
import type { CanvasCommands } from './useCanvasCommands';
import { useShortcutsHelp } from './useShortcutsHelp';

/** Keys typed into a field, or pressed inside a dialog, belong to that field or dialog. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]') !== null;
}

/** Text the person selected on the page: Ctrl+C then copies that, as the browser would. */
const hasTextSelection = () => Boolean(window.getSelection()?.toString());

/** The editable canvas (not a read-only old version), where a paste may land under the pointer. */
const EDITABLE_CANVAS = '.flow-canvas:not([data-readonly])';

type Shortcut = (event: KeyboardEvent, commands: CanvasCommands) => boolean;

/** With Ctrl (⌘ on a Mac). True when the key was the editor's, so the browser's own action is stopped. */
const withModifier: Shortcut = (event, commands) => {
  const key = event.key.toLowerCase();
  if (key === 'z') {
    if (event.shiftKey) commands.redo();
    else commands.undo();
  } else if (key === 'y' && !event.shiftKey) commands.redo();
  else if (key === 'd' && !event.shiftKey) commands.duplicate();
  else if (key === 'a' && !event.shiftKey) commands.selectAll();
  else if (key === 'l' && event.shiftKey) commands.layout();
  else return false;
  return true;
};

const withoutModifier: Shortcut = (event, commands) => {
  if (event.key === 'Escape') {
    commands.clearSelection();
    useShortcutsHelp.getState().close();
    return false;
  }
  if (event.key === '?') useShortcutsHelp.getState().toggle();
  else if ((event.key.toLowerCase() === 'f' && !event.shiftKey) || (event.code === 'Digit1' && event.shiftKey)) commands.fit();
  else return false;
  return true;
};

/**
 * The editor's keyboard shortcuts, on the whole page while the editor is open (Delete and
 * Backspace are React Flow's own). Paste reads the `paste` event's clipboard data, which needs no
 * permission prompt; when no paste event follows Ctrl+V, the last copy in memory is pasted.
 * `catalog` is for a caller above the NodeCatalogContext provider (the editor session).
 */
export function useEditorShortcuts(catalog?: NodeCatalog): void {
  const commands = useCanvasCommands(catalog);
  const pointer = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const track = (event: PointerEvent) => {
      const over = event.target instanceof Element && event.target.closest(EDITABLE_CANVAS);
      pointer.current = over ? { x: event.clientX, y: event.clientY } : null;
    };
    document.addEventListener('pointermove', track, { passive: true });
    return () => document.removeEventListener('pointermove', track);
  }, []);

  useEffect(() => {
    let pasteSeen = true;
    let fallback: ReturnType<typeof setTimeout> | undefined;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || isTypingTarget(event.target)) return;
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && !event.shiftKey && (key === 'c' || key === 'x')) {
        if (hasTextSelection()) return;
        if (key === 'c') commands.copy();
        else commands.cut();
        return;
      }
      if (modifier && !event.shiftKey && key === 'v') {
        // The browser fires `paste` right after this key unless it has no clipboard to read.
        pasteSeen = false;
        clearTimeout(fallback);
        fallback = setTimeout(() => {
          if (!pasteSeen) commands.paste(undefined, pointer.current);
        });
        return;
      }
      if (modifier ? withModifier(event, commands) : withoutModifier(event, commands)) event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      pasteSeen = true;
      if (isTypingTarget(event.target)) return;
      commands.paste(event.clipboardData?.getData('text/plain') ?? '', pointer.current);
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      clearTimeout(fallback);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
    };
  }, [commands]);
}
