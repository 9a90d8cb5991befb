import { useMemo } from 'react';
import type { DragEvent, Ref } from 'react';
import type { EditorEdge } from '../store/editor.store';
import { useDockStore } from '../store/dock.store';
import { useEditorStore } from '../store/editor.store';
import { useRunOverlayStore } from '../store/runOverlay.store';
import { CanvasToolbar } from './CanvasToolbar';
import { CanvasView } from './CanvasView';
import { NODE_TYPE_MIME } from './NodePalette';

type FlowCanvasProps = {
  /** A palette item was dropped at this screen point. */
  onDropNodeType: (typeKey: string, screen: { x: number; y: number }) => void;
  ref?: Ref<HTMLDivElement>;
};

/** The editable draft: nodes and edges from the editor store, with the simulator's path drawn on the edges. */
export function FlowCanvas({ onDropNodeType, ref }: FlowCanvasProps) {
  const nodes = useEditorStore((state) => state.nodes);
  const edges = useEditorStore((state) => state.edges);
  const onNodesChange = useEditorStore((state) => state.onNodesChange);
  const onEdgesChange = useEditorStore((state) => state.onEdgesChange);
  const onConnect = useEditorStore((state) => state.connect);
  const edit = useMemo(() => ({ onNodesChange, onEdgesChange, onConnect, onNodeClick: showInspector }), [onNodesChange, onEdgesChange, onConnect]);
  const shownEdges = useTakenEdges(edges);

  const allowDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const drop = (event: DragEvent) => {
    const typeKey = event.dataTransfer.getData(NODE_TYPE_MIME);
    if (!typeKey) return;
    event.preventDefault();
    onDropNodeType(typeKey, { x: event.clientX, y: event.clientY });
  };

  return (
    <CanvasView ref={ref} nodes={nodes} edges={shownEdges} edit={edit} onDragOver={allowDrop} onDrop={drop}>
      <CanvasToolbar />
    </CanvasView>
  );
}

/**
 * Clicking a card shows its settings even while the simulator or the versions drawer has the
 * dock: those keep their state in their stores, so reopening them loses nothing.
 */
function showInspector() {
  useDockStore.getState().open('inspector');
}

/** Edges the simulated conversation took get a class (and animate); the others are passed through untouched. */
function useTakenEdges(edges: EditorEdge[]): EditorEdge[] {
  const taken = useRunOverlayStore((state) => state.takenEdgeIds);
  return useMemo(() => {
    if (taken.length === 0) return edges;
    const ids = new Set(taken);
    return edges.map((edge) => (ids.has(edge.id) ? { ...edge, className: 'flow-edge--taken', animated: true } : edge));
  }, [edges, taken]);
}
