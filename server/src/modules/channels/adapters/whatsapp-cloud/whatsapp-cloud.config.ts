import { z } from 'zod';
import type { ChannelConfig } from '../channel-adapter';
import { parsedOncePerConfig } from '../parsed-config';

export const DEFAULT_API_BASE_URL = 'https://graph.facebook.com';
/** Pinned on purpose (channels.md §2.1): Graph versions change payloads, so upgrades are deliberate. */
export const DEFAULT_API_VERSION = 'v25.0';

const requiredString = (hint: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `is required (${hint})` : 'must be a string') })
    .trim()
    .min(1, `is required (${hint})`);

/** Forms save untouched optional fields as '', which must mean "use the default", not "invalid". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const configSchema = z.object({
  phoneNumberId: requiredString('the Phone number ID from WhatsApp Manager → API setup').pipe(
    // It goes into the request path, and people often paste the phone number itself instead.
    z.string().regex(/^\d+$/, 'must be the numeric Phone number ID from WhatsApp Manager → API setup, not the phone number'),
  ),
  accessToken: requiredString('a System User access token with whatsapp_business_messaging'),
  appSecret: requiredString('the App Secret from App Dashboard → Settings → Basic'),
  verifyToken: requiredString('the verify token typed in the App Dashboard webhook settings'),
  apiBaseUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://graph.facebook.com' })
      .transform((url) => url.replace(/\/+$/, ''))
      .default(DEFAULT_API_BASE_URL),
  ),
  apiVersion: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^v\d+\.\d+$/, 'must look like v25.0')
      .default(DEFAULT_API_VERSION),
  ),
});

export type WhatsAppCloudConfig = z.infer<typeof configSchema>;

/**
 * Validates a channel's decrypted config. The error names the fields and what to fix, never the
 * values: they are secrets.
 */
export const parseWhatsAppCloudConfig = parsedOncePerConfig((config: ChannelConfig | undefined): WhatsAppCloudConfig => {
  const result = configSchema.safeParse(config ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'config'} ${issue.message}`);
  throw new Error(`Invalid WhatsApp Cloud channel config: ${problems.join('; ')}`);
});

export function graphUrl(config: WhatsAppCloudConfig, ...segments: string[]): string {
  return [config.apiBaseUrl, config.apiVersion, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
}
