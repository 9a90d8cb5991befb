import type { ChannelType } from './adapters/channel-adapter';
import type { ChannelRow, ChannelStatus } from './channels.repository';

/** A channel as the API answers it: secrets masked, the webhook URL to paste into the provider. */
export type ChannelView = {
  id: string;
  type: ChannelType;
  name: string;
  config: Record<string, unknown>;
  flowIds: string[] | null;
  pauseBotMinutes: number;
  allowGroups: boolean;
  webhookUrl: string | null;
  /** The website widget: the script to paste into the site's pages. */
  widget?: { scriptUrl: string; snippet: string };
  status: ChannelStatus;
  statusDetail: string | null;
  createdAt: string;
  updatedAt: string;
};

export const DEFAULT_PAUSE_BOT_MINUTES = 60;

export function toChannelView(row: ChannelRow, config: Record<string, unknown>, webhookUrl: string | undefined, publicUrl: string): ChannelView {
  const view: ChannelView = {
    id: row.id,
    type: row.type,
    name: row.name,
    config,
    flowIds: row.flow_ids,
    pauseBotMinutes: row.options.pauseBotMinutes ?? DEFAULT_PAUSE_BOT_MINUTES,
    allowGroups: row.options.allowGroups ?? false,
    webhookUrl: webhookUrl ?? null,
    status: row.status,
    statusDetail: row.status_detail,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (row.type === 'webchat') {
    const scriptUrl = `${publicUrl}/widget.js?key=${encodeURIComponent(row.webhook_token)}`;
    view.widget = { scriptUrl, snippet: `<script src="${scriptUrl}" async></script>` };
  }
  return view;
}
