import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import { PublishDialog } from './PublishDialog';
import './versions.css';

type PublishButtonProps = {
  /** The autosave's status: the dialog waits for `saved` before checking and publishing. */
  saveStatus: SaveStatus;
  getEtag: () => string;
};

/** The editor header's "Publicar". */
export function PublishButton({ saveStatus, getEtag }: PublishButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" size="small" onClick={() => setOpen(true)} data-testid="publish-open">
        {t('versions.publish.open')}
      </Button>
      {open && <PublishDialog saveStatus={saveStatus} getEtag={getEtag} onClose={() => setOpen(false)} />}
    </>
  );
}
