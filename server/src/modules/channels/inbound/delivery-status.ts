import type { DeliveryStatus } from '../adapters/channel-adapter';

/**
 * Status webhooks arrive at least once and out of order (`read` before `delivered`). A status only
 * replaces a lower-ranked one: `failed` beats `sent` only, because a multi-device user can still
 * get the message after one device failed, and a later `delivered`/`read` wins over it.
 */
export const STATUS_RANK: Record<DeliveryStatus, number> = { sent: 10, failed: 15, delivered: 20, read: 30, played: 40, deleted: 50 };

/** The SQL rank of a stored status (inbound `received`/`processed` rows never match an outbound update). */
export const STATUS_RANK_SQL = `CASE status ${Object.entries(STATUS_RANK).map(([status, rank]) => `WHEN '${status}' THEN ${rank}`).join(' ')} ELSE 0 END`;
