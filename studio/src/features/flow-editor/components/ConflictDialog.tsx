import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Alert, Button, Dialog, DialogActions } from '../../../shared/ui';
import type { SaveConflict } from '../hooks/useAutosave';

type ConflictDialogProps = {
  conflict: SaveConflict;
  onReload: () => Promise<void>;
  onOverwrite: () => Promise<void>;
};

/** 412 on save: the person decides; Escape does not dismiss the choice. */
export function ConflictDialog({ conflict, onReload, onOverwrite }: ConflictDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState<'reload' | 'overwrite' | null>(null);
  const [failed, setFailed] = useState(false);

  const run = (which: 'reload' | 'overwrite', action: () => Promise<void>) => {
    setBusy(which);
    setFailed(false);
    action().catch(() => {
      setFailed(true);
      setBusy(null);
    });
  };

  return (
    <Dialog title={t('editor.conflict.title')} onClose={() => undefined} data-testid="conflict-dialog">
      <p>{conflict.savedBy ? t('editor.conflict.bodyBy', { name: conflict.savedBy }) : t('editor.conflict.body')}</p>
      {failed && <Alert>{t('editor.conflict.failed')}</Alert>}
      <DialogActions>
        <Button busy={busy === 'reload'} disabled={busy !== null} onClick={() => run('reload', onReload)} data-testid="conflict-reload">
          {t('editor.conflict.reload')}
        </Button>
        <Button variant="danger" busy={busy === 'overwrite'} disabled={busy !== null} onClick={() => run('overwrite', onOverwrite)} data-testid="conflict-overwrite">
          {t('editor.conflict.overwrite')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
