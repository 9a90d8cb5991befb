import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, EmptyState, showToast, Spinner } from '../../../shared/ui';
import { useSession } from '../../auth/hooks/useSession';
import { canEditFlows } from '../../auth/types';
import { useCreateFlow, useImportFlow } from '../hooks/useFlowMutations';
import { useFlowList } from '../hooks/useFlowQueries';
import { newFlowName } from '../newFlowName';
import type { FlowSummary } from '../types';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { FlowList } from './FlowList';
import { ImportFlowButton } from './ImportFlowButton';
import { ImportProblems } from './ImportProblems';
import { RenameFlowDialog } from './RenameFlowDialog';
import './flows.css';

/** Three blocks joined by arrows: a flow. */
const EMPTY_ART = (
  <>
    <rect x="4" y="8" width="40" height="22" rx="6" />
    <rect x="76" y="8" width="40" height="22" rx="6" />
    <rect x="40" y="50" width="40" height="22" rx="6" />
    <path d="M44 19h32M96 30v10a6 6 0 0 1-6 6H66v4" fill="none" />
  </>
);

type OpenDialog = { kind: 'rename'; flow: FlowSummary } | { kind: 'delete'; flow: FlowSummary } | null;

/** `/flows`: every flow of the tenant, and what can be done with them. */
export function FlowsPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const navigate = useNavigate();
  const flows = useFlowList();
  const create = useCreateFlow();
  const importFlow = useImportFlow();
  const canEdit = canEditFlows(useSession()?.user.role);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);

  // One click, straight into the editor: naming comes later, when there is something to name.
  const createFlow = () =>
    create.mutate(newFlowName(t('flows.defaultName'), flows.data ?? []), {
      onSuccess: (flow) => void navigate(`/flows/${flow.id}`),
      onError: (error) => showToast(describeError(error), 'error'),
    });
  // No flows yet: the empty state says what a flow is and offers the first step.
  const firstStep = canEdit && (
    <Button variant="primary" busy={create.isPending} onClick={createFlow} data-testid="empty-new-flow">
      {t('flows.empty.create')}
    </Button>
  );

  return (
    <div className="ui-page">
      <header className="ui-page__header">
        <div>
          <h1 className="ui-page__title">{t('flows.title')}</h1>
          <p className="ui-page__subtitle">{t('flows.subtitle')}</p>
        </div>
        {canEdit && (
          <div className="ui-page__actions">
            <ImportFlowButton importFlow={importFlow} />
            <Button variant="primary" busy={create.isPending} onClick={createFlow} data-testid="new-flow">
              {create.isPending ? t('flows.create.submitting') : t('flows.new')}
            </Button>
          </div>
        )}
      </header>

      {importFlow.isError && <ImportProblems error={importFlow.error} file={importFlow.variables} onDismiss={importFlow.reset} />}

      {flows.isPending && (
        <div className="ui-page__loading">
          <Spinner label={t('app.loading')} />
        </div>
      )}
      {flows.isError && (
        <Alert data-testid="flows-error">
          <p>
            {t('flows.loadError')} {describeError(flows.error)}
          </p>
          <Button size="small" onClick={() => void flows.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      {flows.isSuccess && (
        // Present as soon as the list loaded, with rows or with the empty state.
        <div data-testid="flow-list">
          {flows.data.length === 0 ? (
            <EmptyState data-testid="flows-empty" art={EMPTY_ART} title={t('flows.empty.title')} text={t('flows.empty.body')} action={firstStep} />
          ) : (
            <FlowList
              flows={flows.data}
              canEdit={canEdit}
              onRename={(flow) => setDialog({ kind: 'rename', flow })}
              onDelete={(flow) => setDialog({ kind: 'delete', flow })}
            />
          )}
        </div>
      )}

      {dialog?.kind === 'rename' && <RenameFlowDialog flow={dialog.flow} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteFlowDialog flow={dialog.flow} onClose={close} />}
    </div>
  );
}
