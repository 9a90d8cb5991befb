import type { SecretBox } from '../../platform/crypto/secret-box';

/** What a set secret looks like in API answers; sending it back on PUT keeps the stored value. */
export const SECRET_MASK = '••••••••';

const context = (tenantId: string, channelId: string) => `channel:${tenantId}:${channelId}`;

/** Splits a validated config into what is stored in the clear and the secrets, sealed as one JSON object. */
export function sealConfig(box: SecretBox, ids: { tenantId: string; channelId: string }, config: Record<string, unknown>, secretFields: readonly string[]): { settings: Record<string, unknown>; sealed: string | null } {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (secretFields.includes(name)) secrets[name] = value;
    else settings[name] = value;
  }
  const sealed = Object.keys(secrets).length ? box.seal(JSON.stringify(secrets), context(ids.tenantId, ids.channelId)) : null;
  return { settings, sealed };
}

/** The whole config, secrets included: for adapters only, never for answers or logs. */
export function openConfig(box: SecretBox, ids: { tenantId: string; channelId: string }, settings: Record<string, unknown>, sealed: string | null): Record<string, unknown> {
  if (!sealed) return { ...settings };
  return { ...settings, ...(JSON.parse(box.open(sealed, context(ids.tenantId, ids.channelId))) as Record<string, unknown>) };
}

/** The config as the API shows it: every secret the channel has is the mask. */
export function maskedConfig(settings: Record<string, unknown>, secretFields: readonly string[], storedSecretNames: readonly string[]): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...settings };
  for (const name of secretFields) if (storedSecretNames.includes(name)) masked[name] = SECRET_MASK;
  return masked;
}

/** A PUT's config over the stored one: omitted or masked secrets keep their value. */
export function mergeConfig(stored: Record<string, unknown>, incoming: Record<string, unknown>, secretFields: readonly string[]): Record<string, unknown> {
  const merged = { ...stored };
  for (const [name, value] of Object.entries(incoming)) {
    if (secretFields.includes(name) && (value === SECRET_MASK || value === undefined)) continue;
    merged[name] = value;
  }
  return merged;
}
