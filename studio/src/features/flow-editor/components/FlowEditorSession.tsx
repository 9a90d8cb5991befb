import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n';
import { ConfirmDialog, buttonClassName } from '../../../shared/ui';
import { flowKeys } from '../../flows/hooks/flowKeys';
import type { VersionedFlow } from '../../flows/types';
import { useAutosave } from '../hooks/useAutosave';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts';
import { useDockStore } from '../store/dock.store';
import { useFlowEditorApi } from '../hooks/useFlowEditorApi';
import { useLeaveGuard } from '../hooks/useLeaveGuard';
import { toGraph, useEditorStore } from '../store/editor.store';
import { useProblemsStore } from '../store/problems.store';
import { useRunOverlayStore } from '../store/runOverlay.store';
import type { FlowGraph, FlowProblem, NodeTypeView } from '../types';
import { ConflictDialog } from './ConflictDialog';
import { EditorDock } from './EditorDock';
import { FlowCanvas } from './FlowCanvas';
import { NodePalette } from './NodePalette';
import { buildNodeCatalog, NodeCatalogContext } from './nodeTypesContext';
import { SaveStatus } from './SaveStatus';
import { PublishButton } from '../../versions/components/PublishButton';
import { VersionsButton } from '../../versions/components/VersionsButton';
import { SimulatorButton } from '../../simulator/components/SimulatorButton';
import { useFocusNodeFromQuery } from '../../conversations/hooks/useFocusNodeFromQuery';

type FlowEditorSessionProps = { initial: VersionedFlow; nodeTypes: NodeTypeView[] };

/** One opened flow: mounted per flow id, it loads the graph into the store once and autosaves it. */
export function FlowEditorSession(props: FlowEditorSessionProps) {
  return (
    <ReactFlowProvider>
      <EditorWorkspace {...props} />
    </ReactFlowProvider>
  );
}

const NODE_SIZE = { width: 240, height: 100 };

function EditorWorkspace({ initial, nodeTypes }: FlowEditorSessionProps) {
  const t = useT();
  const api = useFlowEditorApi();
  const queryClient = useQueryClient();
  const reactFlow = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const catalog = useMemo(() => buildNodeCatalog(nodeTypes), [nodeTypes]);
  const flowId = initial.flow.id;

  // Load before the first paint of the canvas, once per session.
  useState(() => useEditorStore.getState().load(initial.flow.graph as Partial<FlowGraph> | null));

  const autosave = useAutosave({
    flowId,
    initialEtag: initial.etag,
    initialProblems: initial.flow.problems ?? [],
    api,
    getGraph: () => toGraph(useEditorStore.getState()),
    onReload: (server) => {
      useEditorStore.getState().load(server.flow.graph as Partial<FlowGraph> | null);
      queryClient.setQueryData(flowKeys.detail(flowId), server);
      requestAnimationFrame(() => void reactFlow.fitView());
    },
    onSaved: (saved) => {
      queryClient.setQueryData(flowKeys.detail(flowId), saved);
      void queryClient.invalidateQueries({ queryKey: flowKeys.list() });
    },
  });

  // The badges, the header count and the problems list read the latest save's problems from a store.
  useEffect(() => {
    useProblemsStore.getState().setProblems(autosave.problems as FlowProblem[]);
  }, [autosave.problems]);
  // A run overlay belongs to the flow it was drawn on.
  useEffect(() => () => useRunOverlayStore.getState().clearRun(), []);

  const { markDirty } = autosave;
  useEffect(
    () =>
      useEditorStore.subscribe((state, previous) => {
        if (state.changeCount !== previous.changeCount) markDirty();
      }),
    [markDirty],
  );

  const blocker = useLeaveGuard(autosave.status !== 'saved');
  useEditorShortcuts(catalog);
  useFocusNodeFromQuery();

  const addAt = useCallback(
    (view: NodeTypeView, flowPosition: { x: number; y: number }) => {
      let position = { x: flowPosition.x - NODE_SIZE.width / 2, y: flowPosition.y - NODE_SIZE.height / 2 };
      // Clicking the palette twice must not stack two nodes exactly on top of each other.
      const taken = useEditorStore.getState().nodes.map((node) => node.position);
      while (taken.some((other) => Math.abs(other.x - position.x) < 24 && Math.abs(other.y - position.y) < 24)) {
        position = { x: position.x + 32, y: position.y + 32 };
      }
      const id = useEditorStore.getState().addNode(view, position);
      // The new node is the one selected, so Delete removes it at once if it was a mistake.
      useEditorStore.getState().onNodesChange(useEditorStore.getState().nodes.map((node) => ({ id: node.id, type: 'select', selected: node.id === id })));
    },
    [],
  );

  const addAtCentre = (view: NodeTypeView) => {
    const box = canvasRef.current?.getBoundingClientRect();
    const centre = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 0, y: 0 };
    addAt(view, reactFlow.screenToFlowPosition(centre));
  };

  const dropNodeType = (typeKey: string, screen: { x: number; y: number }) => {
    const view = catalog.byKey.get(typeKey);
    if (view) addAt(view, reactFlow.screenToFlowPosition(screen));
  };

  const problemCount = autosave.problems.length;

  return (
    <NodeCatalogContext.Provider value={catalog}>
      <section className="flow-editor" data-testid="flow-editor" aria-label={t('editor.title', { name: initial.flow.name })}>
        <header className="flow-editor__header">
          <Link to="/flows" className={buttonClassName('ghost', 'small')} data-testid="editor-back">
            ← {t('editor.back')}
          </Link>
          <h1 className="flow-editor__name" data-testid="editor-flow-name">
            {initial.flow.name}
          </h1>
          {problemCount > 0 && (
            <button
              type="button"
              className="flow-editor__problems"
              title={t('editor.problems.hint')}
              data-testid="problems-count"
              onClick={() => useDockStore.getState().open('problems')}
            >
              {t('editor.problems', { count: problemCount })}
            </button>
          )}
          <SaveStatus status={autosave.status} onRetry={autosave.saveNow} />
          <div className="flow-editor__actions">
            <SimulatorButton saveStatus={autosave.status} />
            <VersionsButton saveStatus={autosave.status} onRestored={autosave.adopt} />
            <PublishButton saveStatus={autosave.status} getEtag={autosave.getEtag} />
          </div>
        </header>
        <div className="flow-editor__body">
          <NodePalette nodeTypes={nodeTypes} onAdd={addAtCentre} />
          <FlowCanvas ref={canvasRef} onDropNodeType={dropNodeType} />
          <EditorDock />
        </div>
      </section>
      {autosave.status === 'conflict' && autosave.conflict && (
        <ConflictDialog conflict={autosave.conflict} onReload={autosave.reloadServerVersion} onOverwrite={autosave.overwriteWithMine} />
      )}
      {blocker.state === 'blocked' && (
        <ConfirmDialog
          title={t('editor.leave.title')}
          confirmLabel={t('editor.leave.confirm')}
          cancelLabel={t('editor.leave.stay')}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
          danger
        >
          {t('editor.leave.body')}
        </ConfirmDialog>
      )}
    </NodeCatalogContext.Provider>
  );
}
