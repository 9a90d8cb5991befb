import { Link, useParams } from 'react-router';
import '@xyflow/react/dist/style.css';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, buttonClassName, Spinner } from '../../../shared/ui';
import { useFlow } from '../../flows/hooks/useFlowQueries';
import { useNodeTypes } from '../hooks/useNodeTypes';
import { FlowEditorSession } from './FlowEditorSession';
import './flow-editor.css';

/**
 * `/flows/:id`: loads the draft (with its ETag) and the node catalog, then opens the editor. This
 * page is its own chunk (routes.tsx), so React Flow only downloads when a flow is opened.
 */
export function FlowEditorPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const id = useParams().id ?? '';
  const flow = useFlow(id);
  const nodeTypes = useNodeTypes();

  // Once open, the editor keeps its own copy: a background refetch must not reset the canvas.
  if (flow.data && nodeTypes.data) return <FlowEditorSession key={id} initial={flow.data} nodeTypes={nodeTypes.data} />;

  const error = flow.error ?? nodeTypes.error;
  return (
    <section className="flow-editor flow-editor--loading" data-testid="flow-editor-loading">
      <header className="flow-editor__header">
        <Link to="/flows" className={buttonClassName('ghost', 'small')} data-testid="editor-back">
          ← {t('editor.back')}
        </Link>
        {flow.data && (
          <h1 className="flow-editor__name" data-testid="editor-flow-name">
            {flow.data.flow.name}
          </h1>
        )}
      </header>
      {error ? (
        <Alert data-testid="editor-error">
          {t(flow.error ? 'editor.loadError' : 'editor.nodeTypesError')} {describeError(error)}
        </Alert>
      ) : (
        <Spinner label={t('app.loading')} />
      )}
    </section>
  );
}
