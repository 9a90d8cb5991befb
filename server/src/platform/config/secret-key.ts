import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from './app-config';

/**
 * The key that signs tokens. Production sets FLUXO_SECRET_KEY; the embedded default generates one
 * into DATA_DIR once, so that a restart keeps everyone logged in.
 */
export function resolveSecretKey(config: AppConfig, log: Logger): string {
  if (config.secretKey) return config.secretKey;
  if (config.databaseUrl) {
    throw new Error('FLUXO_SECRET_KEY is required when DATABASE_URL is set: generate one with `openssl rand -hex 32`.');
  }
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  log.warn({ file }, 'FLUXO_SECRET_KEY is not set: generated one for this data folder. Set it explicitly in production.');
  return key;
}
