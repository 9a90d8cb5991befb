import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import { useFocusNode } from '../../flow-editor/hooks/useFocusNode';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { TraceViewer } from '../../conversations/components/TraceViewer';
import { useSimulatorStore } from '../store/simulator.store';
import './simulator.css';

/** The dock's trace of the simulated conversation; a step click shows its block on the canvas. */
export function SimulatorTracePanel() {
  const t = useT();
  const turns = useSimulatorStore((state) => state.turns);
  const nodes = useEditorStore((state) => state.nodes);
  const focusNode = useFocusNode();
  const nodeOf = (id: string) => {
    const node = nodes.find((candidate) => candidate.id === id);
    return node ? { label: node.data.label, config: node.data.config } : undefined;
  };
  return (
    <section className="sim-panel" aria-labelledby="trace-title">
      <header className="sim-panel__header">
        <h2 id="trace-title" className="sim-panel__title">
          {t('trace.title')}
        </h2>
        <Button size="small" variant="ghost" onClick={() => useDockStore.getState().open('simulator')} data-testid="trace-back">
          {t('simulator.title')}
        </Button>
        <Button size="small" variant="ghost" onClick={() => useDockStore.getState().close()} aria-label={t('common.close')}>
          ×
        </Button>
      </header>
      <TraceViewer turns={turns} nodeOf={nodeOf} onStep={focusNode} />
    </section>
  );
}
