import { useParams } from 'react-router';
import { useT } from '../../../shared/i18n';
import { Alert, Button, classNames } from '../../../shared/ui';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { useFlow } from '../../flows/hooks/useFlowQueries';
import { useSimulatorActions } from '../hooks/useSimulatorActions';
import { useSimulatorStore } from '../store/simulator.store';
import type { SimulationSource } from '../types';
import { ChatComposer } from './ChatComposer';
import { ChatMessages } from './ChatMessages';
import { ConversationStatus } from './ConversationStatus';
import { SimulatorNotices } from './SimulatorNotices';
import { VariablesInspector } from './VariablesInspector';
import './simulator.css';

/** The dock's test chat: talk to the draft or the published version as a customer would. */
export function SimulatorPanel() {
  const t = useT();
  const flowId = useParams().id ?? '';
  const publishedVersion = useFlow(flowId).data?.flow.publishedVersion ?? null;
  const state = useSimulatorStore();
  const { send, restart } = useSimulatorActions(flowId);
  const waitingSave = state.sending && state.source === 'draft' && state.saveStatus !== 'saved' && !state.simulationId;

  const choose = (source: SimulationSource) => state.setSource(source);

  return (
    <section className="sim-panel" data-testid="simulator-panel" aria-labelledby="simulator-title">
      <header className="sim-panel__header">
        <h2 id="simulator-title" className="sim-panel__title">
          {t('simulator.title')}
        </h2>
        <Button size="small" variant="ghost" onClick={() => useDockStore.getState().open('trace')} data-testid="simulator-trace-open">
          {t('simulator.trace.open')}
        </Button>
        <Button size="small" variant="ghost" onClick={restart} data-testid="simulator-restart">
          {t('simulator.restart')}
        </Button>
        <Button size="small" variant="ghost" onClick={() => useDockStore.getState().close()} aria-label={t('common.close')}>
          ×
        </Button>
      </header>
      <div className="sim-source" role="group" aria-label={t('simulator.source.label')}>
        {(['draft', 'published'] as const).map((source) => (
          <button
            key={source}
            type="button"
            className={classNames('sim-source__option', state.source === source && 'sim-source__option--on')}
            aria-pressed={state.source === source}
            disabled={source === 'published' && publishedVersion === null}
            title={source === 'published' && publishedVersion === null ? t('simulator.source.publishedHint') : undefined}
            onClick={() => choose(source)}
            data-testid={`simulator-source-${source}`}
          >
            {t(source === 'draft' ? 'simulator.source.draft' : 'simulator.source.published')}
          </button>
        ))}
      </div>
      {publishedVersion === null ? (
        <p className="sim-muted" data-testid="simulator-published-hint">{t('simulator.source.publishedHint')}</p>
      ) : (
        state.source === 'published' && <p className="sim-muted">{t('simulator.source.publishedVersion', { version: publishedVersion })}</p>
      )}
      <SimulatorNotices onRestart={restart} />
      <ChatMessages entries={state.entries} typing={state.typing} onPick={(buttonId, title) => void send({ buttonId }, title)} />
      {waitingSave && <p className="sim-muted" data-testid="simulator-waiting-save">{t('simulator.waitingSave')}</p>}
      {state.pending && <Alert tone="info" data-testid="simulator-pending">{t('simulator.pending')}</Alert>}
      {state.error && <Alert data-testid="simulator-error">{state.error}</Alert>}
      <ChatComposer busy={state.sending} onSend={(text) => void send({ text }, text)} />
      <ConversationStatus status={state.status} waitingFor={state.waitingFor} entries={state.entries} lastTurn={state.turns.at(-1)} />
      <VariablesInspector vars={state.vars} previousVars={state.previousVars} />
    </section>
  );
}
