import { create } from 'zustand';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import type { VersionedFlow } from '../../flows/types';

type DraftSessionState = {
  /** The open draft's autosave status: restoring warns harder when edits are not saved. */
  saveStatus: SaveStatus;
  /** Hands a restored draft to the autosave (its ETag and problems); null while no editor is open. */
  adopt: ((flow: VersionedFlow) => void) | null;
  set(session: { saveStatus: SaveStatus; adopt: ((flow: VersionedFlow) => void) | null }): void;
};

/**
 * What the versions panel needs from the open editor session. The dock renders the panel without
 * props, so `VersionsButton` (mounted in the session's header with the autosave's values) hands
 * them over here.
 */
export const useDraftSessionStore = create<DraftSessionState>()((set) => ({
  saveStatus: 'saved',
  adopt: null,
  set: (session) => set(session),
}));
