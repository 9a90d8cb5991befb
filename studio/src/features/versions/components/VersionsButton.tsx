import { useEffect } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import { useDockStore } from '../../flow-editor/store/dock.store';
import type { VersionedFlow } from '../../flows/types';
import { useDraftSessionStore } from '../store/draftSession.store';
import './versions.css';

type VersionsButtonProps = {
  saveStatus: SaveStatus;
  /** The autosave's `adopt`: a restored version becomes the draft it saves on. */
  onRestored: (flow: VersionedFlow) => void;
};

/** Opens and closes the versions drawer in the dock; hands the session's save state to it. */
export function VersionsButton({ saveStatus, onRestored }: VersionsButtonProps) {
  const t = useT();
  const open = useDockStore((state) => state.panel === 'versions');
  useEffect(() => {
    useDraftSessionStore.getState().set({ saveStatus, adopt: onRestored });
  }, [saveStatus, onRestored]);
  useEffect(() => () => useDraftSessionStore.getState().set({ saveStatus: 'saved', adopt: null }), []);
  return (
    <Button size="small" variant={open ? 'secondary' : 'ghost'} aria-pressed={open} onClick={() => useDockStore.getState().toggle('versions')} data-testid="versions-open">
      {t('versions.open')}
    </Button>
  );
}
