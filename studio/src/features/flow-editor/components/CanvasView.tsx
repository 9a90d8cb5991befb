import { Background, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange, NodeTypes } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { DragEvent, ReactNode, Ref } from 'react';
import { useT } from '../../../shared/i18n';
import type { EditorEdge, EditorNode } from '../store/editor.store';
import { FLOW_NODE } from '../store/editor.store';
import { FlowNodeCard } from './FlowNodeCard';

// Built once: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { [FLOW_NODE]: FlowNodeCard };

const DELETE_KEYS = ['Delete', 'Backspace'];
export const FIT_VIEW_OPTIONS = { maxZoom: 1.2, padding: 0.15 };
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' };
const PRO_OPTIONS = { hideAttribution: true };
// Shift+drag on the background draws a selection box, a plain drag pans (as in n8n); Shift or
// Ctrl/⌘+click adds a node to the selection.
const SELECTION_KEY = 'Shift';
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];

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

type EditHandlers = {
  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<EditorEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** The user clicked a node card (not a programmatic selection such as a trace step focusing it). */
  onNodeClick?: () => void;
};

export type CanvasViewProps = {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** Without handlers the canvas is read-only (an old version): pan, zoom and select only. */
  edit?: EditHandlers;
  onDragOver?: (event: DragEvent) => void;
  onDrop?: (event: DragEvent) => void;
  testId?: string;
  ariaLabel?: string;
  /** Extra layers inside React Flow (toolbars, panels). */
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

/**
 * One canvas for every use: the editable draft, a read-only old version and the diff viewer are
 * the same component with or without edit handlers (and with a diff context around it).
 */
export function CanvasView({ nodes, edges, edit, onDragOver, onDrop, testId = 'canvas', ariaLabel, children, ref }: CanvasViewProps) {
  const t = useT();
  useFitViewOnLoad();
  const readOnly = !edit;
  return (
    <div
      ref={ref}
      className="flow-canvas"
      data-testid={testId}
      data-readonly={readOnly || undefined}
      aria-label={ariaLabel ?? t('editor.canvas.label')}
      role="region"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={edit?.onNodesChange}
        onEdgesChange={edit?.onEdgesChange}
        onConnect={edit?.onConnect}
        onNodeClick={edit?.onNodeClick}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        selectionKeyCode={SELECTION_KEY}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        proOptions={PRO_OPTIONS}
        minZoom={0.1}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
        {children}
      </ReactFlow>
    </div>
  );
}
