import { useMemo } from 'react';
import { useT } from '../../../shared/i18n';
import { Alert } from '../../../shared/ui';
import { useNodeTypeView } from '../../flow-editor/components/nodeTypesContext';
import { describeProblem } from '../../flow-editor/lib/describeProblem';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { useNodeProblems } from '../../flow-editor/store/problems.store';
import type { FlowProblem } from '../../flow-editor/types';
import { useNodeSuggestions } from '../hooks/useNodeSuggestions';
import { InspectorFormContext } from './inspectorFormContext';
import type { InspectorForm } from './inspectorFormContext';
import { InspectorHeader } from './InspectorHeader';
import { InspectorProblems } from './InspectorProblems';
import { ObjectFields } from './ObjectFields';
import './inspector.css';

/**
 * The selected node's panel: its name, the server's problems, and a form generated from its
 * type's config schema. Every edit replaces the node's config in the editor store (→ autosave);
 * invalid values are saved too, since a draft may be half-built.
 */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const t = useT();
  const node = useEditorStore((state) => state.nodes.find((candidate) => candidate.id === nodeId));
  const view = useNodeTypeView(node?.data.type ?? '', node?.data.typeVersion ?? 0);
  const problems = useNodeProblems(nodeId);
  const suggestions = useNodeSuggestions(nodeId);
  const schema = view?.configSchema;

  const form = useMemo<InspectorForm>(() => {
    const serverErrors = new Map<string, string>();
    for (const problem of problems) {
      if (problem.path && !serverErrors.has(problem.path)) serverErrors.set(problem.path, describeProblem(problem, t, schema));
    }
    return { serverErrors, suggestions };
  }, [problems, suggestions, schema, t]);

  if (!node) return null;
  return (
    <section className="inspector" data-testid="inspector" data-node-id={nodeId} aria-label={t('inspector.title')}>
      <InspectorHeader key={nodeId} nodeId={nodeId} type={node.data.type} label={node.data.label} view={view} />
      <InspectorProblems problems={problems} describe={(problem: FlowProblem) => describeProblem(problem, t, schema)} />
      {schema ? (
        <InspectorFormContext.Provider value={form}>
          <form className="inspector__form" onSubmit={(event) => event.preventDefault()}>
            <ObjectFields schema={schema} path={[]} value={node.data.config} onChange={(config) => useEditorStore.getState().updateNodeConfig(nodeId, config)} />
          </form>
        </InspectorFormContext.Provider>
      ) : (
        <Alert tone="info">{t('inspector.unknownType', { type: node.data.type })}</Alert>
      )}
    </section>
  );
}
