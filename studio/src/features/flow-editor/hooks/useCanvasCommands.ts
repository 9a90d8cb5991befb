import { useReactFlow } from '@xyflow/react';
import { useContext, useMemo, useRef } from 'react';
import { motionMs } from '../../../shared/ui';
import { layoutFlow } from '../lib/autoLayout';
import { copyOfSelection, parseClipboard, placeCopies } from '../lib/clipboard';
import { portsOf } from '../lib/nodePorts';
import { pastedText, writeClipboardText } from '../lib/systemClipboard';
import { useEditorStore } from '../store/editor.store';
import { FIT_VIEW_OPTIONS } from '../components/CanvasView';
import { NodeCatalogContext } from '../components/nodeTypesContext';
import type { NodeCatalog } from '../components/nodeTypesContext';

/** Copies and pastes land this far from the originals when the pointer is not over the canvas. */
export const PASTE_OFFSET = 40;
const DEFAULT_SIZE = { width: 240, height: 100 };

const isOurs = (text: string) => parseClipboard(text) !== null;

export type CanvasCommands = {
  undo(): void;
  redo(): void;
  copy(): void;
  cut(): void;
  /** `text` is the system clipboard's content when the browser gave it (a paste event); else the last copy is used. */
  paste(text?: string, screen?: { x: number; y: number } | null): void;
  duplicate(): void;
  selectAll(): void;
  clearSelection(): void;
  layout(): void;
  fit(): void;
};

/**
 * What the toolbar and the keyboard shortcuts do; needs the editor's ReactFlowProvider. `given`
 * is the node catalog for a caller above its context provider (the session itself).
 */
export function useCanvasCommands(given?: NodeCatalog): CanvasCommands {
  const { fitView, screenToFlowPosition } = useReactFlow();
  const context = useContext(NodeCatalogContext);
  const catalog = given ?? context;
  // Pasting the same copy again away from the pointer steps further each time instead of stacking.
  const pastes = useRef(0);
  return useMemo(() => {
    const editor = () => useEditorStore.getState();
    const fit = () => void fitView({ ...FIT_VIEW_OPTIONS, duration: motionMs(200) });
    const copy = () => {
      const envelope = copyOfSelection(editor());
      if (!envelope) return;
      pastes.current = 0;
      void writeClipboardText(JSON.stringify(envelope));
    };
    return {
      undo: () => editor().undo(),
      redo: () => editor().redo(),
      copy,
      cut: () => {
        if (!copyOfSelection(editor())) return;
        copy();
        editor().removeSelected();
      },
      paste: (text, screen) => {
        const envelope = parseClipboard(pastedText(text || null, isOurs));
        if (!envelope) return;
        const placement = screen ? { at: screenToFlowPosition(screen) } : { offset: PASTE_OFFSET * ++pastes.current };
        const { nodes, edges } = placeCopies(envelope, editor(), placement);
        editor().insertNodes(nodes, edges);
      },
      duplicate: () => {
        const envelope = copyOfSelection(editor());
        if (!envelope) return;
        const { nodes, edges } = placeCopies(envelope, editor(), { offset: PASTE_OFFSET });
        editor().insertNodes(nodes, edges);
      },
      selectAll: () => editor().selectAll(),
      clearSelection: () => editor().selectOnly(null),
      layout: () => {
        const { nodes, edges } = editor();
        if (nodes.length === 0) return;
        editor().moveNodes(layoutFlow(layoutNodes(nodes, catalog), edges.map((edge) => ({ source: edge.source, sourcePort: edge.sourceHandle ?? 'out', target: edge.target }))));
        // After React Flow has the new positions in its store.
        requestAnimationFrame(fit);
      },
      fit,
    };
  }, [fitView, screenToFlowPosition, catalog]);
}

function layoutNodes(nodes: ReturnType<typeof useEditorStore.getState>['nodes'], catalog: NodeCatalog) {
  return nodes.map((node) => {
    const view = catalog.byKey.get(`${node.data.type}@${node.data.typeVersion}`) ?? catalog.byKey.get(node.data.type);
    return {
      id: node.id,
      width: node.measured?.width ?? DEFAULT_SIZE.width,
      height: node.measured?.height ?? DEFAULT_SIZE.height,
      ports: portsOf(view, node.data.config).map((port) => port.id),
    };
  });
}
