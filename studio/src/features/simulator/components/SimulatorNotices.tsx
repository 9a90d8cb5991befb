import { useT } from '../../../shared/i18n';
import { Alert, Button } from '../../../shared/ui';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { missingNodeIds } from '../lib/runPath';
import { useSimulatorStore } from '../store/simulator.store';

/**
 * What the person should know about the draft under a running simulation. A draft simulation
 * runs the latest saved draft on every turn (the server pins it to "draft", not to a revision), so
 * edits need no restart, except when the block the conversation waits on was removed.
 */
export function SimulatorNotices({ onRestart }: { onRestart: () => void }) {
  const t = useT();
  const source = useSimulatorStore((state) => state.source);
  const waitingNodeId = useSimulatorStore((state) => (state.status === 'waiting' ? (state.waitingFor?.nodeId ?? null) : null));
  const startedAtChange = useSimulatorStore((state) => state.startedAtChange);
  const turns = useSimulatorStore((state) => state.turns);
  const changeCount = useEditorStore((state) => state.changeCount);
  const nodeIds = useEditorStore((state) => state.nodes.map((node) => node.id).join('\n'));
  const present = new Set(nodeIds.split('\n'));

  if (source === 'published') {
    const missing = missingNodeIds(turns.flatMap((turn) => turn.trace), present);
    if (missing.length === 0) return null;
    return (
      <Alert tone="info" data-testid="simulator-missing-nodes">
        {t('simulator.missingNodes', { count: missing.length })}
      </Alert>
    );
  }
  if (startedAtChange === null || changeCount === startedAtChange) return null;
  if (waitingNodeId && !present.has(waitingNodeId)) {
    return (
      <div className="sim-notice" data-testid="simulator-stale">
        <Alert tone="info">{t('simulator.stale')}</Alert>
        <Button size="small" onClick={onRestart} data-testid="simulator-stale-restart">
          {t('simulator.stale.restart')}
        </Button>
      </div>
    );
  }
  return (
    <p className="sim-muted" data-testid="simulator-draft-updated">
      {t('simulator.draftUpdated')}
    </p>
  );
}
