import type { WebhookRequest } from '../adapters/channel-adapter';
import { webhookMalformed } from '../channels.errors';

type Envelope = { object?: unknown; entry?: Array<{ id?: string; changes?: Array<{ value?: { metadata?: { phone_number_id?: string } } }> }> };

/**
 * A platform that runs one Meta app for every tenant gets all their events at one URL; a POST may
 * carry several numbers' changes. Each number's changes become a request of their own, parsed
 * from its own body; the signature is checked over the original bytes (the caller passes both).
 */
export function splitByPhoneNumber(request: WebhookRequest): Array<{ phoneNumberId: string; request: WebhookRequest }> {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(request.rawBody.toString('utf8')) as Envelope;
  } catch {
    throw webhookMalformed('The webhook body is not JSON.');
  }
  const byNumber = new Map<string, NonNullable<Envelope['entry']>>();
  for (const entry of envelope.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const phoneNumberId = change.value?.metadata?.phone_number_id;
      if (!phoneNumberId) continue;
      const entries = byNumber.get(phoneNumberId) ?? [];
      entries.push({ ...entry, changes: [change] });
      byNumber.set(phoneNumberId, entries);
    }
  }
  if (byNumber.size <= 1) {
    const only = byNumber.keys().next().value;
    return only ? [{ phoneNumberId: only, request }] : [];
  }
  return [...byNumber].map(([phoneNumberId, entry]) => ({
    phoneNumberId,
    request: { ...request, rawBody: Buffer.from(JSON.stringify({ ...envelope, entry })) },
  }));
}
