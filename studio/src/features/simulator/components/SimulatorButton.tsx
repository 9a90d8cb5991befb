import { useEffect } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { useSimulationSession } from '../hooks/useSimulationSession';
import { useSimulatorStore } from '../store/simulator.store';
import './simulator.css';

/** Opens and closes the simulator in the dock; holds the simulation's socket while the editor is open. */
export function SimulatorButton({ saveStatus }: { saveStatus: SaveStatus }) {
  const t = useT();
  const open = useDockStore((state) => state.panel === 'simulator');
  useEffect(() => {
    useSimulatorStore.getState().setSaveStatus(saveStatus);
  }, [saveStatus]);
  useSimulationSession();
  return (
    <Button size="small" variant={open ? 'secondary' : 'ghost'} aria-pressed={open} onClick={() => useDockStore.getState().toggle('simulator')} data-testid="simulator-open">
      {t('simulator.open')}
    </Button>
  );
}
