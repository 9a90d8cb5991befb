import { useEffect, useRef } from 'react';
import { useLanguage, useT } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import type { ChatEntry } from '../store/simulator.store';
import { BotMessage } from './BotMessage';
import { FormattedText } from './FormattedText';

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (test(items[index]!)) return index;
  return -1;
}

type ChatMessagesProps = {
  entries: readonly ChatEntry[];
  typing: boolean;
  /** Taps a button of the newest bot messages (older ones were answered and are disabled). */
  onPick: (id: string, title: string) => void;
};

/** The chat: the customer's messages on the right, the bot's on the left, each with its time. */
export function ChatMessages({ entries, typing, onPick }: ChatMessagesProps) {
  const t = useT();
  const [language] = useLanguage();
  const end = useRef<HTMLDivElement>(null);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const lastUser = lastIndexWhere(entries, (entry) => entry.from === 'user');

  // Braces matter: Chromium's scrollIntoView now returns a promise, and React calls whatever an
  // effect returns as its clean-up.
  useEffect(() => {
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [entries.length, typing]);

  return (
    <div className="sim-chat" data-testid="simulator-messages" aria-live="polite">
      {entries.length === 0 && <p className="sim-chat__empty">{t('simulator.empty')}</p>}
      {entries.map((entry, index) => (
        <div
          key={entry.id}
          className={classNames('sim-bubble', `sim-bubble--${entry.from}`)}
          data-testid="simulator-message"
          data-from={entry.from}
          aria-label={t(entry.from === 'bot' ? 'simulator.from.bot' : 'simulator.from.user')}
        >
          {entry.from === 'user' ? <FormattedText text={entry.text} /> : <BotMessage message={entry.message} onPick={index > lastUser ? onPick : undefined} />}
          <time className="sim-bubble__time" dateTime={new Date(entry.at).toISOString()}>
            {time.format(entry.at)}
          </time>
        </div>
      ))}
      {typing && (
        <div className="sim-typing" data-testid="simulator-typing">
          {t('simulator.typing')}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
