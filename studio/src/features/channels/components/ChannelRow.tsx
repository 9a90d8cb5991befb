import { useState } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Button, classNames, showToast } from '../../../shared/ui';
import { useUpdateChannel } from '../hooks/useChannelMutations';
import type { ChannelStatus, ChannelView } from '../types';
import { ChannelConnection } from './ChannelConnection';

/** The pill's colour: green when the bot answers there, red when something is wrong, grey when paused. */
const STATUS_BADGE: Record<ChannelStatus, string | false> = { active: 'ui-badge--success', disconnected: false, error: 'ui-badge--danger' };

type ChannelRowProps = {
  channel: ChannelView;
  canManage: boolean;
  onEdit: (channel: ChannelView) => void;
  onDelete: (channel: ChannelView) => void;
};

/** One channel: its name, type and status, what to paste where, and what can be done with it. */
export function ChannelRow({ channel, canManage, onEdit, onDelete }: ChannelRowProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const update = useUpdateChannel();
  const [activationFailed, setActivationFailed] = useState(false);
  const nameId = `channel-name-${channel.id}`;
  const active = channel.status === 'active';

  const toggle = () =>
    update.mutate(
      { id: channel.id, input: { status: active ? 'disconnected' : 'active' } },
      {
        onSuccess: () => showToast(t(active ? 'channels.pause.done' : 'channels.resume.done', { name: channel.name })),
        onError: (error) => showToast(describeError(error), 'error'),
      },
    );

  return (
    <li className="ui-list__item channel-row" data-testid={`channel-row-${channel.id}`}>
      <div className="ui-list__line">
        <div className="ui-list__main">
          <span id={nameId} className="ui-list__name">
            {channel.name}
          </span>
          <div className="ui-list__meta">
            <span className="channel-row__type">{t(`channels.type.${channel.type}`)}</span>
            <span className={classNames('ui-badge', STATUS_BADGE[channel.status])} data-testid="channel-status">
              {t(`channels.status.${channel.status}`)}
            </span>
            <span>{channel.flowIds?.length ? t('channels.flows.some', { count: channel.flowIds.length }) : t('channels.flows.all')}</span>
          </div>
          {channel.statusDetail && !active && !activationFailed && (
            <p className="channel-row__detail" data-testid="channel-status-detail">
              {t('channels.statusDetail', { detail: channel.statusDetail })}
            </p>
          )}
        </div>
        {canManage && (
          <div className="ui-list__actions" role="group" aria-label={t('channels.actions', { name: channel.name })}>
            <Button size="small" variant="ghost" onClick={() => onEdit(channel)} aria-describedby={nameId} data-testid="channel-edit">
              {t('channels.edit')}
            </Button>
            <Button size="small" variant="ghost" busy={update.isPending} onClick={toggle} aria-describedby={nameId} data-testid="channel-toggle">
              {active ? t('channels.pause') : t('channels.resume')}
            </Button>
            <Button size="small" variant="ghost-danger" onClick={() => onDelete(channel)} aria-describedby={nameId} data-testid="channel-delete">
              {t('channels.delete')}
            </Button>
          </div>
        )}
      </div>
      <ChannelConnection channel={channel} canManage={canManage} onActivationError={setActivationFailed} />
    </li>
  );
}
