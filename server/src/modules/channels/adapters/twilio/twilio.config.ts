import { z } from 'zod';
import { parsedOncePerConfig } from '../parsed-config';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

/** E.164: a '+', a non-zero first digit, 8 to 15 digits in all (shorter numbers are not mobiles we can reach). */
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * One Twilio sender (channels.md §4). `from` decides the channel: `whatsapp:+E164` is WhatsApp
 * (24-hour window applies), `+E164` is SMS. A Messaging Service (`MG…`) is not supported yet: the
 * adapter needs one concrete sender to know which rules apply.
 */
export const twilioConfigSchema = z.object({
  accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'an Account SID: AC followed by 32 hex digits'),
  authToken: z.string().trim().min(1, 'the Auth Token is required'),
  from: z
    .string()
    .trim()
    .refine((from) => E164.test(from.replace(/^whatsapp:/, '')), 'whatsapp:+E.164 for WhatsApp or +E.164 for SMS, e.g. whatsapp:+5511999990000'),
  // http is allowed so tests (and a local mock) can stand in for the API; the trailing slash is
  // stripped because the request path is appended to it.
  apiBaseUrl: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://api.twilio.com' })
    .optional()
    .transform((url) => (url ?? TWILIO_API_BASE_URL).replace(/\/+$/, '')),
});

export type TwilioConfig = z.infer<typeof twilioConfigSchema>;

/** Throws zod's error (the host turns it into CHANNEL_CONFIG_INVALID); issues never echo the values, so no secret leaks. */
export const parseTwilioConfig = parsedOncePerConfig((config: unknown): TwilioConfig => {
  return twilioConfigSchema.parse(config);
});

export function isWhatsAppSender(from: string): boolean {
  return from.startsWith('whatsapp:');
}
