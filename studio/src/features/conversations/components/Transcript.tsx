import { useLanguage, useT } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import { BotMessage } from '../../simulator/components/BotMessage';
import { FormattedText } from '../../simulator/components/FormattedText';
import { toTranscript } from '../lib/transcript';
import type { ConversationMessage } from '../types';
import '../../simulator/components/simulator.css';

/** A stored conversation read back as the chat it was (read-only: buttons cannot be tapped). */
export function Transcript({ messages }: { messages: readonly ConversationMessage[] }) {
  const t = useT();
  const [language] = useLanguage();
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const lines = toTranscript(messages);
  if (lines.length === 0) return <p className="sim-muted">{t('conversations.detail.noMessages')}</p>;
  return (
    <div className="sim-chat sim-chat--transcript" data-testid="conversation-transcript">
      {lines.map((line) => (
        <div
          key={line.id}
          className={classNames('sim-bubble', `sim-bubble--${line.from}`)}
          data-testid="transcript-message"
          data-from={line.from}
          aria-label={t(line.from === 'bot' ? 'conversations.message.out' : 'conversations.message.in')}
        >
          {line.from === 'bot' ? (
            <BotMessage message={line.message} />
          ) : line.text ? (
            <FormattedText text={line.text} />
          ) : (
            <em>{t('conversations.message.other', { type: line.type })}</em>
          )}
          <time className="sim-bubble__time" dateTime={line.at}>
            {time.format(new Date(line.at))}
          </time>
        </div>
      ))}
    </div>
  );
}
