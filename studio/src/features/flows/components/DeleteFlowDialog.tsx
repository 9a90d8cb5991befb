import { useT } from '../../../shared/i18n';
import { DeleteDialog } from '../../../shared/ui';
import { useDeleteFlow } from '../hooks/useFlowMutations';
import type { FlowSummary } from '../types';

/** Versions go too, and live conversations end: always ask first. */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose: () => void }) {
  const t = useT();
  const removal = useDeleteFlow();
  const { name, liveConversations } = flow;
  return (
    <DeleteDialog
      id={flow.id}
      removal={removal}
      title={t('flows.delete.title', { name })}
      confirmLabel={t('flows.delete.confirm')}
      doneMessage={t('flows.delete.done', { name })}
      onClose={onClose}
    >
      <p>{t('flows.delete.body')}</p>
      {liveConversations > 0 && <p className="flow-dialog__warning">{t('flows.delete.live', { count: liveConversations })}</p>}
    </DeleteDialog>
  );
}
