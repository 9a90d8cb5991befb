import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, ConfirmDialog } from '../../../shared/ui';
import { useRestoreVersion } from '../hooks/useRestoreVersion';
import { useDraftSessionStore } from '../store/draftSession.store';

type RestoreVersionDialogProps = { flowId: string; version: number; onCancel: () => void; onRestored: () => void };

/** "The draft becomes version N; nothing is published": louder when unsaved edits would be lost. */
export function RestoreVersionDialog({ flowId, version, onCancel, onRestored }: RestoreVersionDialogProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const unsaved = useDraftSessionStore((state) => state.saveStatus !== 'saved');
  const restore = useRestoreVersion(flowId, onRestored);
  return (
    <ConfirmDialog
      title={t('versions.restore.title', { version })}
      confirmLabel={t('versions.restore.confirm', { version })}
      cancelLabel={t('common.cancel')}
      onConfirm={() => restore.mutate(version)}
      onCancel={onCancel}
      danger={unsaved}
      busy={restore.isPending}
      error={restore.error ? describeError(restore.error) : undefined}
    >
      <p>{t('versions.restore.body', { version })}</p>
      {unsaved && (
        <Alert data-testid="restore-unsaved">
          {t('versions.restore.unsaved')}
        </Alert>
      )}
    </ConfirmDialog>
  );
}
