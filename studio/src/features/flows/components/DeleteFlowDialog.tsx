import { useErrorMessage, useT } from '../../../shared/i18n';
import { ConfirmDialog, showToast } from '../../../shared/ui';
import { useDeleteFlow } from '../hooks/useFlowMutations';
import type { FlowSummary } from '../types';

/** Deleting cannot be undone (versions go too, live conversations end): always ask first. */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose: () => void }) {
  const t = useT();
  const describeError = useErrorMessage();
  const remove = useDeleteFlow();
  return (
    <ConfirmDialog
      title={t('flows.delete.title', { name: flow.name })}
      confirmLabel={t('flows.delete.confirm')}
      cancelLabel={t('common.cancel')}
      danger
      busy={remove.isPending}
      error={remove.isError ? describeError(remove.error) : undefined}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(flow.id, {
          onSuccess: () => {
            showToast(t('flows.delete.done', { name: flow.name }));
            onClose();
          },
        })
      }
    >
      <p>{t('flows.delete.body')}</p>
      {flow.liveConversations > 0 && <p className="flow-dialog__warning">{t('flows.delete.live', { count: flow.liveConversations })}</p>}
    </ConfirmDialog>
  );
}
