import { Background, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { NodeTypes } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { DragEvent, Ref } from 'react';
import { useT } from '../../../shared/i18n';
import { useEditorStore } from '../store/editor.store';
import { FLOW_NODE } from '../store/editor.store';
import { FlowNodeCard } from './FlowNodeCard';
import { NODE_TYPE_MIME } from './NodePalette';

// Built once: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { [FLOW_NODE]: FlowNodeCard };

const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT_VIEW_OPTIONS = { maxZoom: 1.2, padding: 0.15 };

/**
 * Fits the whole flow once every node has been measured. React Flow's own `fitView` prop fitted
 * the first measured node only (seen in Chromium with the seeded flows), so it is done here.
 */
function useFitViewOnLoad() {
  const initialised = useNodesInitialized();
  const { fitView } = useReactFlow();
  const fitted = useRef(false);
  useEffect(() => {
    if (!initialised || fitted.current) return;
    fitted.current = true;
    void fitView(FIT_VIEW_OPTIONS);
  }, [initialised, fitView]);
}

type FlowCanvasProps = {
  /** A palette item was dropped at this screen point. */
  onDropNodeType: (typeKey: string, screen: { x: number; y: number }) => void;
  ref?: Ref<HTMLDivElement>;
};

/** The drawing: nodes and edges from the editor store, with minimap, zoom controls and fit view on load. */
export function FlowCanvas({ onDropNodeType, ref }: FlowCanvasProps) {
  const t = useT();
  const nodes = useEditorStore((state) => state.nodes);
  const edges = useEditorStore((state) => state.edges);
  const onNodesChange = useEditorStore((state) => state.onNodesChange);
  const onEdgesChange = useEditorStore((state) => state.onEdgesChange);
  const connect = useEditorStore((state) => state.connect);
  useFitViewOnLoad();

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
    <div ref={ref} className="flow-canvas" data-testid="canvas" aria-label={t('editor.canvas.label')} role="region" onDragOver={allowDrop} onDrop={drop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        deleteKeyCode={DELETE_KEYS}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
