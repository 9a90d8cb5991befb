import { useErrorMessage, useT } from '../../../shared/i18n';
import { ConfirmDialog, showToast } from '../../../shared/ui';
import { useDeleteChannel } from '../hooks/useChannelMutations';
import type { ChannelView } from '../types';

/** Deleting cannot be undone (the bot stops answering there): always ask first. */
export function DeleteChannelDialog({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const t = useT();
  const describeError = useErrorMessage();
  const remove = useDeleteChannel();
  return (
    <ConfirmDialog
      title={t('channels.delete.title', { name: channel.name })}
      confirmLabel={t('channels.delete.confirm')}
      cancelLabel={t('common.cancel')}
      danger
      busy={remove.isPending}
      error={remove.isError ? describeError(remove.error) : undefined}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(channel.id, {
          onSuccess: () => {
            showToast(t('channels.delete.done', { name: channel.name }));
            onClose();
          },
        })
      }
    >
      <p>{t('channels.delete.body')}</p>
    </ConfirmDialog>
  );
}
