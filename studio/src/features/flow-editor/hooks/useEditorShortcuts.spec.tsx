import { ReactFlowProvider } from '@xyflow/react';
import { act, fireEvent, render } from '@testing-library/react';
import { toGraph, useEditorStore } from '../store/editor.store';
import { starterGraph } from '../testFixtures';
import { forgetClipboard } from '../lib/systemClipboard';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useShortcutsHelp } from './useShortcutsHelp';

const store = () => useEditorStore.getState();
const ids = () => store().nodes.map((node) => node.id);
const selectedIds = () => store().nodes.filter((node) => node.selected).map((node) => node.id);

function Shortcuts() {
  useEditorShortcuts();
  return <input data-testid="field" />;
}

function paste(text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  act(() => void document.body.dispatchEvent(event));
}

const writeText = jest.fn(() => Promise.resolve());

beforeEach(() => {
  store().load(starterGraph());
  forgetClipboard();
  useShortcutsHelp.getState().close();
  writeText.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  render(
    <ReactFlowProvider>
      <Shortcuts />
    </ReactFlowProvider>,
  );
});

const press = (key: string, init: KeyboardEventInit = {}) => act(() => void fireEvent.keyDown(document.body, { key, ...init }));

describe('useEditorShortcuts', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, Ctrl+Y and ⌘+Shift+Z', () => {
    act(() => store().updateNodeLabel('welcome', 'Oi'));
    press('z', { ctrlKey: true });
    expect(toGraph(store())).toEqual(starterGraph());
    press('Z', { ctrlKey: true, shiftKey: true });
    expect(store().nodes[1]!.data.label).toBe('Oi');
    press('z', { metaKey: true });
    press('y', { ctrlKey: true });
    expect(store().nodes[1]!.data.label).toBe('Oi');
    press('z', { metaKey: true });
    press('z', { metaKey: true, shiftKey: true });
    expect(store().nodes[1]!.data.label).toBe('Oi');
  });

  it('selects all with Ctrl+A and clears the selection with Escape', () => {
    press('a', { ctrlKey: true });
    expect(selectedIds()).toEqual(['start', 'welcome']);
    press('Escape');
    expect(selectedIds()).toEqual([]);
  });

  it('duplicates the selection with Ctrl+D, 40 px away, the copies selected', () => {
    act(() => store().selectOnly('welcome'));
    press('d', { ctrlKey: true });
    expect(ids()).toHaveLength(3);
    const copy = store().nodes[2]!;
    expect(copy).toMatchObject({ selected: true, position: { x: 360, y: 40 }, data: { type: 'fluxo.sendMessage' } });
    expect(selectedIds()).toEqual([copy.id]);
  });

  it('copies to the system clipboard, and a paste event with that text adds the copies', () => {
    press('a', { ctrlKey: true });
    press('c', { ctrlKey: true });
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(JSON.parse(text)).toMatchObject({ fluxoClipboard: 1, nodes: [{ id: 'start' }, { id: 'welcome' }] });

    paste(text);
    expect(ids()).toHaveLength(4);
    expect(store().edges).toHaveLength(2);
  });

  it('cuts with Ctrl+X and pastes from memory when the browser gives no clipboard text', () => {
    act(() => store().selectOnly('welcome'));
    press('x', { ctrlKey: true });
    expect(ids()).toEqual(['start']);
    paste('');
    expect(ids()).toHaveLength(2);
  });

  it('ignores a paste of text that is not a Fluxo copy', async () => {
    act(() => store().selectOnly('welcome'));
    press('c', { ctrlKey: true });
    await act(async () => undefined);
    paste('{"hello": "world"}');
    paste('uma frase qualquer');
    expect(ids()).toEqual(['start', 'welcome']);
  });

  it('pastes the memory copy when the browser has no clipboard, whatever text the paste event carries', () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    act(() => store().selectOnly('welcome'));
    press('c', { ctrlKey: true });
    paste('texto copiado de outro programa');
    expect(ids()).toHaveLength(3);
  });

  it('pastes from memory on Ctrl+V when no paste event follows, a step further each time', () => {
    jest.useFakeTimers();
    try {
      act(() => store().selectOnly('welcome'));
      press('c', { ctrlKey: true });
      press('v', { ctrlKey: true });
      act(() => void jest.runOnlyPendingTimers());
      press('v', { ctrlKey: true });
      act(() => void jest.runOnlyPendingTimers());
      expect(store().nodes.slice(2).map((node) => node.position)).toEqual([
        { x: 360, y: 40 },
        { x: 400, y: 80 },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves keys typed into a field alone', () => {
    act(() => store().updateNodeLabel('welcome', 'Oi'));
    const field = document.querySelector('input')!;
    act(() => void fireEvent.keyDown(field, { key: 'z', ctrlKey: true }));
    act(() => void fireEvent.keyDown(field, { key: 'a', ctrlKey: true }));
    expect(store().nodes[1]!.data.label).toBe('Oi');
    expect(selectedIds()).toEqual([]);
  });

  it('toggles the shortcuts help with "?"', () => {
    press('?', { shiftKey: true });
    expect(useShortcutsHelp.getState().open).toBe(true);
    press('?', { shiftKey: true });
    expect(useShortcutsHelp.getState().open).toBe(false);
  });
});
