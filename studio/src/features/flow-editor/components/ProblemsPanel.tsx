import { useContext, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../../shared/i18n';
import { Button, classNames } from '../../../shared/ui';
import { useFocusNode } from '../hooks/useFocusNode';
import { describeProblem } from '../lib/describeProblem';
import { useDockStore } from '../store/dock.store';
import { useEditorStore } from '../store/editor.store';
import { useProblemsStore } from '../store/problems.store';
import type { FlowNodeData, FlowProblem } from '../types';
import { NodeCatalogContext } from './nodeTypesContext';

/**
 * The data of the nodes the problems are about, by id. Selected as a flat `[id, data, …]` list
 * compared item by item: dragging a node gives it a new object but keeps its data, so the open
 * list does not re-render on every frame of a drag.
 */
function useProblemNodes(problems: readonly FlowProblem[]): ReadonlyMap<string, FlowNodeData> {
  const ids = useMemo(() => new Set(problems.flatMap((problem) => (problem.nodeId ? [problem.nodeId] : []))), [problems]);
  const flat = useEditorStore(useShallow((state) => state.nodes.flatMap((node) => (ids.has(node.id) ? [node.id, node.data] : []))));
  return useMemo(() => {
    const byId = new Map<string, FlowNodeData>();
    for (let i = 0; i < flat.length; i += 2) byId.set(flat[i] as string, flat[i + 1] as FlowNodeData);
    return byId;
  }, [flat]);
}

/**
 * Every problem of the draft, from the last save. Clicking one closes the list (the dock falls
 * back to the inspector of the node it selects) and brings the node into view.
 */
export function ProblemsPanel() {
  const t = useT();
  const problems = useProblemsStore((state) => state.problems);
  const nodes = useProblemNodes(problems);
  const catalog = useContext(NodeCatalogContext);
  const focusNode = useFocusNode();

  const nodeName = (problem: FlowProblem) => {
    if (!problem.nodeId) return t('canvas.problems.wholeFlow');
    const data = nodes.get(problem.nodeId);
    if (!data) return t('canvas.problems.missingNode', { id: problem.nodeId });
    return data.label ?? viewOf(data)?.title ?? data.type;
  };
  const viewOf = (data: { type: string; typeVersion: number }) => catalog.byKey.get(`${data.type}@${data.typeVersion}`) ?? catalog.byKey.get(data.type);
  const open = (problem: FlowProblem) => {
    if (!problem.nodeId || !nodes.has(problem.nodeId)) return;
    useDockStore.getState().close();
    focusNode(problem.nodeId);
  };

  return (
    <section className="problems-panel" data-testid="problems-panel" aria-labelledby="problems-panel-title">
      <header className="problems-panel__header">
        <h2 id="problems-panel-title" className="problems-panel__title">
          {t('canvas.problems.title')}
        </h2>
        <Button variant="ghost" size="small" aria-label={t('canvas.problems.close')} title={t('canvas.problems.close')} onClick={() => useDockStore.getState().close()} data-testid="problems-close">
          ×
        </Button>
      </header>
      {problems.length === 0 ? (
        <p className="problems-panel__empty" data-testid="problems-empty">
          {t('canvas.problems.empty')}
        </p>
      ) : (
        <>
          <p className="problems-panel__hint">{t('canvas.problems.hint')}</p>
          <ul className="problems-panel__list">
            {problems.map((problem, index) => {
              const data = problem.nodeId ? nodes.get(problem.nodeId) : undefined;
              return (
                <li key={`${problem.code}-${problem.nodeId ?? ''}-${problem.path ?? ''}-${index}`}>
                  <button
                    type="button"
                    className={classNames('problems-panel__item', problem.severity && `problems-panel__item--${problem.severity}`)}
                    data-testid="problem-item"
                    data-node-id={problem.nodeId}
                    data-code={problem.code}
                    disabled={!data}
                    onClick={() => open(problem)}
                  >
                    <span className="problems-panel__node">{nodeName(problem)}</span>
                    <span className="problems-panel__message">{describeProblem(problem, t, data && viewOf(data)?.configSchema)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
