import { z } from 'zod';
import { parsedOncePerConfig } from '../parsed-config';

/**
 * The config of one Evolution API v2 channel (one instance on one Evolution server). The host
 * stores it encrypted and passes it, decrypted, with every adapter call (channels.md §1.1).
 */

/** Config forms store a cleared optional field as '': that means "not set", not "set to empty". */
const optionalSecret = z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().min(1).optional());

const evolutionConfigSchema = z.object({
  /** The Evolution server, e.g. `https://evo.example.com`; paths are appended, so trailing slashes go. */
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://evo.example.com' })
    .transform((url) => url.replace(/\/+$/, '')),
  /** The instanceName: it is a path segment of every call, hence the slug rule (§1.1). */
  instance: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'must be a URL-safe slug: letters, digits, - and _ (e.g. clinica-sorriso)'),
  /** The instance token (or the global key): sent as the `apikey` header, never logged. */
  apiKey: z.string().min(1, 'is required'),
  /** When set, webhooks must carry `Authorization: Bearer <HS256 JWT>` signed with it (§1.5). */
  jwtKey: optionalSecret,
  /** Stored for the host, which filters group traffic; the adapter still parses group messages. */
  ignoreGroups: z.boolean().default(true),
  /** Added by the host: where Evolution must post this channel's webhooks. */
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export type EvolutionConfig = z.infer<typeof evolutionConfigSchema>;

export class EvolutionConfigError extends Error {}

/** Parses a channel's config; a bad one fails with every problem named (secrets never echoed). */
export const parseEvolutionConfig = parsedOncePerConfig((config: unknown): EvolutionConfig => {
  const parsed = evolutionConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
  throw new EvolutionConfigError(`Evolution channel config is invalid: ${problems.join('; ')}`);
});
