import { useContext } from 'react';
import { useT } from '../../../shared/i18n';
import { NodeCatalogContext } from '../../flow-editor/components/nodeTypesContext';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import type { PublishProblem } from '../types';

type PublishProblemsProps = {
  problems: readonly PublishProblem[];
  /** A problem of a node was clicked: go to that node. */
  onPick: (nodeId: string) => void;
};

/** What stops publishing, each naming its block as the canvas shows it. */
export function PublishProblems({ problems, onPick }: PublishProblemsProps) {
  const t = useT();
  const nodeName = useNodeName();
  return (
    <div className="publish-problems" data-testid="publish-problems">
      <p className="publish-problems__title">{t('versions.publish.problemsTitle', { count: problems.length })}</p>
      <ul className="publish-problems__list">
        {problems.map((problem, index) => (
          <li key={`${problem.nodeId ?? ''}-${problem.code}-${index}`}>
            {problem.nodeId ? (
              <button type="button" className="publish-problems__item" data-testid="publish-problem" data-node-id={problem.nodeId} onClick={() => onPick(problem.nodeId!)}>
                <strong>{nodeName(problem.nodeId)}</strong> {problem.message}
              </button>
            ) : (
              <span className="publish-problems__item" data-testid="publish-problem">
                <strong>{t('versions.publish.graphProblem')}</strong> {problem.message}
              </span>
            )}
          </li>
        ))}
      </ul>
      {problems.some((problem) => problem.nodeId) && <p className="publish-problems__hint">{t('versions.publish.problemsHint')}</p>}
    </div>
  );
}

/** The node's label, else its type's title, else its id (a node that is gone or of an unknown type). */
function useNodeName(): (nodeId: string) => string {
  const catalog = useContext(NodeCatalogContext);
  const nodes = useEditorStore((state) => state.nodes);
  return (nodeId) => {
    const node = nodes.find((candidate) => candidate.id === nodeId);
    if (!node) return nodeId;
    return node.data.label ?? catalog.byKey.get(`${node.data.type}@${node.data.typeVersion}`)?.title ?? catalog.byKey.get(node.data.type)?.title ?? nodeId;
  };
}
