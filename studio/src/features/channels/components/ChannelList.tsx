import type { ChannelView } from '../types';
import { ChannelRow } from './ChannelRow';

type ChannelListProps = {
  channels: ChannelView[];
  canManage: boolean;
  onEdit: (channel: ChannelView) => void;
  onDelete: (channel: ChannelView) => void;
};

/** The tenant's channels, in the server's order (oldest first). */
export function ChannelList({ channels, canManage, onEdit, onDelete }: ChannelListProps) {
  return (
    <ul className="ui-list">
      {channels.map((channel) => (
        <ChannelRow key={channel.id} channel={channel} canManage={canManage} onEdit={onEdit} onDelete={onDelete} />
      ))}
    </ul>
  );
}
