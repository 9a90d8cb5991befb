import { useLanguage, useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { ChatEntry, RecordedTurn } from '../store/simulator.store';
import type { TurnStatus, WaitingFor } from '../types';

type ConversationStatusProps = { status: TurnStatus | null; waitingFor: WaitingFor | null; entries: readonly ChatEntry[]; lastTurn: RecordedTurn | undefined };

const PLAIN: Record<Exclude<TurnStatus, 'waiting'>, MessageKey> = {
  ended: 'simulator.status.ended',
  failed: 'simulator.status.failed',
  no_match: 'simulator.status.noMatch',
  ignored: 'simulator.status.ignored',
};

/** Whether the newest bot message offers options: then the wait is for a tap, not a text. */
function offersOptions(entries: readonly ChatEntry[]): boolean {
  const last = [...entries].reverse().find((entry) => entry.from === 'bot');
  return last?.from === 'bot' && (last.message.kind === 'buttons' || last.message.kind === 'list');
}

/** What the conversation waits for, in plain words, and the last turn's errors. */
export function ConversationStatus({ status, waitingFor, entries, lastTurn }: ConversationStatusProps) {
  const t = useT();
  const [language] = useLanguage();
  const errors = (lastTurn?.trace ?? []).flatMap((step) => (step.error ? [step.error] : []));

  let line: string;
  if (!status) line = t('simulator.status.none');
  else if (status !== 'waiting') line = t(PLAIN[status]);
  else if (waitingFor?.for === 'timer') {
    line = waitingFor.fireAt
      ? t('simulator.status.timer', { time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(waitingFor.fireAt)) })
      : t('simulator.status.timerNoTime');
  } else if (waitingFor?.for === 'event') line = t('simulator.status.event');
  else line = t(offersOptions(entries) ? 'simulator.status.button' : 'simulator.status.input');

  return (
    <section className="sim-status" data-testid="simulator-status" data-status={status ?? 'none'}>
      <h3 className="sim-section-title">{t('simulator.status.title')}</h3>
      <p>{line}</p>
      {errors.length > 0 && (
        <div className="sim-status__errors" role="alert" data-testid="simulator-errors">
          <p>{t('simulator.status.errors')}</p>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>
                {error.code}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
