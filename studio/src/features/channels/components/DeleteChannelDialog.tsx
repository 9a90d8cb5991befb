import { useT } from '../../../shared/i18n';
import { DeleteDialog } from '../../../shared/ui';
import { useDeleteChannel } from '../hooks/useChannelMutations';
import type { ChannelView } from '../types';

/** The bot stops answering there: always ask first. */
export function DeleteChannelDialog({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const t = useT();
  const removal = useDeleteChannel();
  const { name } = channel;
  return (
    <DeleteDialog
      id={channel.id}
      removal={removal}
      title={t('channels.delete.title', { name })}
      confirmLabel={t('channels.delete.confirm')}
      doneMessage={t('channels.delete.done', { name })}
      onClose={onClose}
    >
      <p>{t('channels.delete.body')}</p>
    </DeleteDialog>
  );
}
