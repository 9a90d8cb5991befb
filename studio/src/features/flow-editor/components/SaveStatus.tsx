import { useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { Button, classNames } from '../../../shared/ui';
import type { SaveStatus as Status } from '../hooks/useAutosave';

const labels: Record<Status, MessageKey> = {
  saved: 'editor.save.saved',
  dirty: 'editor.save.dirty',
  saving: 'editor.save.saving',
  error: 'editor.save.error',
  conflict: 'editor.save.conflict',
};

/** Where the draft stands, announced politely; a failed save offers a retry. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  const t = useT();
  return (
    <span className="save-status-wrap">
      <span role="status" className={classNames('save-status', `save-status--${status}`)} data-testid="save-status" data-status={status}>
        {t(labels[status])}
      </span>
      {status === 'error' && (
        <Button size="small" variant="ghost" onClick={onRetry} data-testid="save-retry">
          {t('editor.save.retry')}
        </Button>
      )}
    </span>
  );
}
