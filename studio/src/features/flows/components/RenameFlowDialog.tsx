import { useErrorMessage, useT } from '../../../shared/i18n';
import { useForm } from '../../../shared/lib/useForm';
import { collectErrors, LIMITS, maxLength, required } from '../../../shared/lib/validation';
import { Alert, Button, Dialog, DialogActions, showToast, TextField } from '../../../shared/ui';
import { useFlow } from '../hooks/useFlowQueries';
import { useRenameFlow } from '../hooks/useFlowMutations';
import type { FlowSummary } from '../types';

/**
 * Renames a flow. The flow is loaded when the dialog opens, and its ETag goes with the save: if
 * someone saves the flow in between, the server refuses (412) and we say so instead of
 * overwriting their change.
 */
export function RenameFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose: () => void }) {
  const t = useT();
  const describeError = useErrorMessage();
  const current = useFlow(flow.id);
  const rename = useRenameFlow();
  const form = useForm({ name: flow.name }, (values) =>
    collectErrors({ name: required(values.name) ?? maxLength(values.name, LIMITS.flowNameMax) }),
  );
  const error = rename.error ?? current.error;

  return (
    <Dialog title={t('flows.rename.title')} onClose={onClose} data-testid="rename-flow-dialog">
      <form
        className="flow-dialog__form"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          const name = values.name.trim();
          if (!current.data) return;
          if (name === current.data.flow.name) return onClose();
          rename.mutate(
            { id: flow.id, name, etag: current.data.etag },
            {
              onSuccess: () => {
                showToast(t('flows.rename.done', { name }));
                onClose();
              },
            },
          );
        })}
      >
        <TextField
          label={t('flows.name.label')}
          autoComplete="off"
          maxLength={LIMITS.flowNameMax}
          data-testid="rename-flow-name"
          {...form.field('name')}
        />
        {error && <Alert data-testid="rename-flow-error">{describeError(error)}</Alert>}
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            busy={rename.isPending || current.isFetching}
            disabled={!current.data}
            data-testid="rename-flow-submit"
          >
            {rename.isPending ? t('flows.rename.submitting') : t('flows.rename.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
