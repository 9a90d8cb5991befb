/**
 * The message shapes a node sees and sends. They follow the normalized channel model
 * (docs/channels.md §6.2 and §6.4): channels adapt to them, nodes never see a provider's format.
 */

export type InboundMessageType =
  | 'text' | 'image' | 'audio' | 'voice' | 'video' | 'document' | 'sticker'
  | 'location' | 'contact' | 'interactive_reply' | 'button' | 'reaction' | 'system' | 'unsupported';

export type InboundMedia = {
  /** Provider media id (Cloud media id, Telegram file_id...); the host resolves it to a URL on demand. */
  providerMediaId?: string;
  url?: string;
  mime?: string;
  fileName?: string;
  sizeBytes?: number;
  durationSec?: number;
  isVoiceNote?: boolean;
};

/** A reply to buttons or a list: `id` is the id the flow gave the option. */
export type InboundInteractive = {
  id: string;
  title?: string;
  source: 'reply_button' | 'list' | 'template_button' | 'inline_keyboard' | 'poll' | 'numbered_text' | 'simulator';
};

export type InboundMessage = {
  /** Fluxo's id of the stored message. */
  id: string;
  type: InboundMessageType;
  /** Text body, media caption, or the chosen option's title. */
  text?: string;
  media?: InboundMedia;
  location?: { lat: number; lng: number; name?: string; address?: string };
  interactive?: InboundInteractive;
  /** ISO-8601 UTC time the customer sent it. */
  timestamp: string;
};

export type OutboundButton = { id: string; title: string };
export type OutboundListRow = { id: string; title: string; description?: string };
export type OutboundListSection = { title?: string; rows: OutboundListRow[] };
export type OutboundMediaType = 'image' | 'video' | 'audio' | 'voice' | 'document';

/**
 * One message the bot sends. Channels degrade what they cannot show: buttons become a list or
 * numbered options, long text is split, typing is a no-op where unsupported.
 */
export type OutboundMessage =
  | { kind: 'text'; text: string; previewUrl?: boolean }
  | { kind: 'buttons'; text: string; buttons: OutboundButton[]; header?: string; footer?: string }
  | { kind: 'list'; text: string; buttonLabel: string; sections: OutboundListSection[]; header?: string; footer?: string }
  | { kind: 'media'; mediaType: OutboundMediaType; url: string; caption?: string; fileName?: string; mime?: string }
  | { kind: 'location'; lat: number; lng: number; name?: string; address?: string }
  | { kind: 'template'; name: string; language: string; variables: Record<string, string> }
  | { kind: 'typing'; on: boolean };

/** What an HTTP response node answers to the caller of an HTTP trigger. */
export type HttpTriggerResponse = {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
};
