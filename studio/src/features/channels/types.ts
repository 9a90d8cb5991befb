/** Mirrors the server's views (server/src/modules/channels/channel-view.ts, channels.dto.ts). */

/** In the order the "connect" dialog offers them: the WhatsApp ways first. */
export const CHANNEL_TYPES = ['whatsapp_cloud', 'evolution', 'telegram', 'twilio', 'webchat'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** `disconnected` is paused (by someone here, or the number was logged out); `error` says why in `statusDetail`. */
export type ChannelStatus = 'active' | 'disconnected' | 'error';

/** What a stored secret looks like in the server's answers; the studio never sends it back. */
export const SECRET_MASK = '••••••••';

/** One row of `GET /api/channels`. */
export type ChannelView = {
  id: string;
  type: ChannelType;
  name: string;
  /** Secret fields the channel has are `SECRET_MASK`. */
  config: Record<string, unknown>;
  /** Only these published flows' triggers apply on the channel; null: every published flow. */
  flowIds: string[] | null;
  /** How long the bot keeps quiet after someone at the business typed in the chat (0 = never). */
  pauseBotMinutes: number;
  allowGroups: boolean;
  /** Where the provider must post (null for the website chat). */
  webhookUrl: string | null;
  /** The website chat: the `<script>` to paste into the site's pages. */
  widget?: { scriptUrl: string; snippet: string };
  status: ChannelStatus;
  /** The server's words (English) on why the channel is in error or disconnected. */
  statusDetail: string | null;
  createdAt: string;
  updatedAt: string;
};

/** `POST /api/channels`. */
export type CreateChannelInput = {
  type: ChannelType;
  name: string;
  config: Record<string, unknown>;
  flowIds?: string[] | null;
  pauseBotMinutes?: number;
  allowGroups?: boolean;
};

/** `PUT /api/channels/:id`: partial; a secret left out keeps its stored value. */
export type UpdateChannelInput = {
  name?: string;
  config?: Record<string, unknown>;
  flowIds?: string[] | null;
  pauseBotMinutes?: number;
  allowGroups?: boolean;
  status?: 'active' | 'disconnected';
};
