import type { TraceStep } from '@fluxo/engine';
import { useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { TraceStepRow } from './TraceStepRow';
import type { TraceNodeInfo } from './TraceStepRow';
import './trace.css';

export type TraceTurn = { id: string; status?: string; trace: readonly TraceStep[] };

type TraceViewerProps = {
  turns: readonly TraceTurn[];
  /** The flow's node by id (its name and config), when the viewer knows the graph. */
  nodeOf?: (nodeId: string) => TraceNodeInfo | undefined;
  /** In the editor: focus the step's node. */
  onStep?: (nodeId: string) => void;
  /** Outside the editor: where a step links to. */
  stepHref?: (nodeId: string) => string;
};

const STATUS: Record<string, MessageKey> = {
  waiting: 'trace.turn.waiting',
  ended: 'trace.turn.ended',
  failed: 'trace.turn.failed',
  no_match: 'trace.turn.noMatch',
  ignored: 'trace.turn.ignored',
};

/** A conversation's turns in order, each with the steps it ran (simulated or real conversations). */
export function TraceViewer({ turns, nodeOf, onStep, stepHref }: TraceViewerProps) {
  const t = useT();
  if (turns.length === 0) {
    return (
      <p className="trace-viewer__empty" data-testid="trace-viewer">
        {t('trace.empty')}
      </p>
    );
  }
  return (
    <ol className="trace-viewer" data-testid="trace-viewer">
      {turns.map((turn, index) => (
        <li key={turn.id} className="trace-turn" data-testid="trace-turn">
          <h3 className="trace-turn__title">
            {t('trace.turn', { number: index + 1 })}
            {turn.status && STATUS[turn.status] && <span className={`trace-turn__status trace-turn__status--${turn.status}`}>{t(STATUS[turn.status]!)}</span>}
          </h3>
          {turn.trace.length === 0 ? (
            <p className="trace-viewer__empty">{t('trace.turn.noSteps')}</p>
          ) : (
            <ol className="trace-turn__steps">
              {turn.trace.map((step, stepIndex) => (
                <TraceStepRow key={stepIndex} step={step} node={nodeOf?.(step.nodeId)} onStep={onStep} stepHref={stepHref} />
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}
