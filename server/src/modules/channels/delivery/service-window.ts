/**
 * WhatsApp's customer-service window: 24 hours from the customer's last message, in which anything
 * may be sent; after it, only an approved template. Ten minutes of margin, because a message
 * accepted at 23:59 can still fail at the provider (131047) seconds later.
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60_000 - 10 * 60_000;

export function isOutsideWindow(lastInboundAt: Date | string | null, now: Date): boolean {
  if (!lastInboundAt) return true;
  return now.getTime() - new Date(lastInboundAt).getTime() >= SERVICE_WINDOW_MS;
}

export const OUTSIDE_WINDOW_MESSAGE =
  'The customer last wrote over 24 hours ago: WhatsApp only allows an approved template now (in the send message block, choose "template").';
