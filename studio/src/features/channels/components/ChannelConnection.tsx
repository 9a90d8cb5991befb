import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, showToast } from '../../../shared/ui';
import { useActivateChannel } from '../hooks/useChannelMutations';
import { useCopyText } from '../hooks/useCopyText';
import { isActivatable } from '../lib/channelFields';
import { activationReason } from '../lib/serverErrors';
import type { ChannelView } from '../types';

type ChannelConnectionProps = {
  channel: ChannelView;
  canManage: boolean;
  /** The channel as the server answered the activation. */
  onActivated?: (channel: ChannelView) => void;
  /** A refused activation is on screen (the row then leaves out the same reason under its status). */
  onActivationError?: (failed: boolean) => void;
};

/**
 * The last step of connecting, in plain words: what to paste where (the webhook address, or the
 * website chat's `<script>`), with a copy button, and "activate" where the provider has an API
 * for it.
 */
export function ChannelConnection({ channel, canManage, onActivated, onActivationError }: ChannelConnectionProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const copy = useCopyText();
  const activate = useActivateChannel();
  const reason = activationReason(activate.error);
  const snippet = channel.widget?.snippet;
  const activatable = isActivatable(channel.type) ? channel.type : null;

  return (
    <div className="channel-connection">
      <p className="channel-connection__help">{t(`channels.help.${channel.type}`)}</p>
      {snippet !== undefined ? (
        <div className="channel-connection__value">
          <span className="channel-connection__label">{t('channels.connection.snippet')}</span>
          <code className="channel-connection__code" data-testid="channel-snippet">
            {snippet}
          </code>
          <Button size="small" onClick={() => void copy(snippet, t('channels.connection.copiedSnippet'))} data-testid="channel-copy">
            {t('channels.connection.copySnippet')}
          </Button>
        </div>
      ) : (
        channel.webhookUrl && (
          <div className="channel-connection__value">
            <span className="channel-connection__label">{t('channels.connection.webhookUrl')}</span>
            <code className="channel-connection__code" data-testid="channel-webhook-url">
              {channel.webhookUrl}
            </code>
            <Button size="small" onClick={() => void copy(channel.webhookUrl ?? '', t('channels.connection.copiedUrl'))} data-testid="channel-copy">
              {t('channels.connection.copyUrl')}
            </Button>
          </div>
        )
      )}
      {canManage && activatable && (
        <div className="channel-connection__activate">
          <Button
            variant="primary"
            size="small"
            busy={activate.isPending}
            data-testid="channel-activate"
            onClick={() => {
              onActivationError?.(false);
              activate.mutate(channel.id, {
                onSuccess: (activated) => {
                  showToast(t(`channels.activate.done.${activatable}`));
                  onActivated?.(activated);
                },
                onError: () => onActivationError?.(true),
              });
            }}
          >
            {activate.isPending ? t('channels.activating') : t('channels.activate')}
          </Button>
        </div>
      )}
      {activate.isError && (
        <Alert data-testid="channel-activate-error">
          <p>{describeError(activate.error)}</p>
          {reason && <p>{t('channels.activate.reason', { reason })}</p>}
        </Alert>
      )}
    </div>
  );
}
