import { useState } from 'react';
import { Link } from 'react-router';
import { formatRelativeTime, useErrorMessage, useLanguage, useT } from '../../../shared/i18n';
import { useNow } from '../../../shared/lib/useNow';
import { Alert, Spinner } from '../../../shared/ui';
import { useConversationList } from '../hooks/useConversationQueries';
import type { ConversationStatus } from '../types';
import { useConversationLabels } from './useConversationLabels';
import './conversations.css';

const STATUSES: ConversationStatus[] = ['waiting', 'idle', 'ended', 'failed'];

/** `/conversations`: real and simulated conversations, newest activity first, filtered by status. */
export function ConversationsPage() {
  const t = useT();
  const [language] = useLanguage();
  const now = useNow();
  const describeError = useErrorMessage();
  const labels = useConversationLabels();
  const [status, setStatus] = useState<ConversationStatus | null>(null);
  const list = useConversationList(status);

  return (
    <section className="conversations">
      <header className="conversations__header">
        <h1>{t('conversations.title')}</h1>
        <label className="conversations__filter">
          {t('conversations.filter.label')}
          <select value={status ?? ''} onChange={(event) => setStatus((event.target.value || null) as ConversationStatus | null)} data-testid="conversation-filter">
            <option value="">{t('conversations.filter.all')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {labels.status(value)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {list.isPending && <Spinner label={t('app.loading')} />}
      {list.isError && <Alert data-testid="conversations-error">{`${t('conversations.loadError')} ${describeError(list.error)}`}</Alert>}
      {list.data && (
        <div data-testid="conversation-list">
          {list.data.length === 0 ? (
            <p className="conversations__empty">{t('conversations.empty')}</p>
          ) : (
            <table className="conversations__table">
              <thead>
                <tr>
                  <th scope="col">{t('conversations.col.contact')}</th>
                  <th scope="col">{t('conversations.col.channel')}</th>
                  <th scope="col">{t('conversations.col.status')}</th>
                  <th scope="col">{t('conversations.col.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((conversation) => (
                  <tr key={conversation.id} data-testid={`conversation-row-${conversation.id}`}>
                    <td>
                      <Link to={`/conversations/${conversation.id}`}>{conversation.contact.name || t('conversations.unknownContact')}</Link>
                    </td>
                    <td>{labels.channel(conversation)}</td>
                    <td>
                      <span className={`conversations__status conversations__status--${conversation.status}`}>{labels.status(conversation.status)}</span>
                    </td>
                    <td>
                      <time dateTime={conversation.updatedAt}>{formatRelativeTime(conversation.updatedAt, now, language)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
