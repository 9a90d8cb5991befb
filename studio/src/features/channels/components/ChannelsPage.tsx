import { useState } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, EmptyState, Spinner } from '../../../shared/ui';
import { useSession } from '../../auth/hooks/useSession';
import { canManageChannels } from '../../auth/types';
import { useChannelList } from '../hooks/useChannelQueries';
import type { ChannelView } from '../types';
import { ChannelDialog } from './ChannelDialog';
import { ChannelList } from './ChannelList';
import { DeleteChannelDialog } from './DeleteChannelDialog';
import './channels.css';

/** Two speech bubbles, one answering the other. */
const EMPTY_ART = (
  <g strokeLinejoin="round">
    <rect x="6" y="10" width="52" height="30" rx="10" />
    <rect x="62" y="40" width="52" height="30" rx="10" />
    <path d="M18 40l-6 12 16-12M102 70l6 8-16-8" fill="none" />
  </g>
);

type OpenDialog = { kind: 'connect' } | { kind: 'edit'; channel: ChannelView } | { kind: 'delete'; channel: ChannelView } | null;

/** `/channels`: where the customers reach the bot (WhatsApp, Telegram, Twilio, the website chat), and connecting more. */
export function ChannelsPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const channels = useChannelList();
  const canManage = canManageChannels(useSession()?.user.role);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const connect = () => setDialog({ kind: 'connect' });
  // No channel yet: the empty state says what a channel is and offers the first step.
  const firstStep = canManage && (
    <Button variant="primary" onClick={connect} data-testid="empty-new-channel">
      {t('channels.empty.create')}
    </Button>
  );

  return (
    <div className="ui-page">
      <header className="ui-page__header">
        <div>
          <h1 className="ui-page__title">{t('channels.title')}</h1>
          <p className="ui-page__subtitle">{t('channels.subtitle')}</p>
        </div>
        {canManage && (
          <Button variant="primary" onClick={connect} data-testid="new-channel">
            {t('channels.new')}
          </Button>
        )}
      </header>

      {channels.isPending && (
        <div className="ui-page__loading">
          <Spinner label={t('app.loading')} />
        </div>
      )}
      {channels.isError && (
        <Alert data-testid="channels-error">
          <p>
            {t('channels.loadError')} {describeError(channels.error)}
          </p>
          <Button size="small" onClick={() => void channels.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      {channels.isSuccess && (
        // Present as soon as the list loaded, with rows or with the empty state.
        <div data-testid="channel-list">
          {channels.data.length === 0 ? (
            <EmptyState data-testid="channels-empty" art={EMPTY_ART} title={t('channels.empty.title')} text={t('channels.empty.body')} action={firstStep} />
          ) : (
            <ChannelList
              channels={channels.data}
              canManage={canManage}
              onEdit={(channel) => setDialog({ kind: 'edit', channel })}
              onDelete={(channel) => setDialog({ kind: 'delete', channel })}
            />
          )}
        </div>
      )}

      {dialog?.kind === 'connect' && <ChannelDialog onClose={close} />}
      {dialog?.kind === 'edit' && <ChannelDialog channel={dialog.channel} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteChannelDialog channel={dialog.channel} onClose={close} />}
    </div>
  );
}
