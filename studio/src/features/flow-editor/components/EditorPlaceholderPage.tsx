import { Link, useParams } from 'react-router';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, buttonClassName, Spinner } from '../../../shared/ui';
import { useFlow } from '../../flows/hooks/useFlowQueries';
import './editor-placeholder.css';

/** `/flows/:id` until the canvas editor lands: names the flow and says so plainly. */
export function EditorPlaceholderPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const id = useParams().id ?? '';
  const flow = useFlow(id);

  return (
    <section className="editor-placeholder" data-testid="editor-placeholder">
      {flow.isPending && <Spinner label={t('app.loading')} />}
      {flow.isError && <Alert>{describeError(flow.error)}</Alert>}
      {flow.isSuccess && (
        <h1 className="editor-placeholder__flow" data-testid="editor-flow-name">
          {flow.data.flow.name}
        </h1>
      )}
      <h2 className="editor-placeholder__title">{t('editor.placeholder.title')}</h2>
      <p className="editor-placeholder__body">{t('editor.placeholder.body')}</p>
      <Link to="/flows" className={buttonClassName('secondary')}>
        {t('editor.back')}
      </Link>
    </section>
  );
}
