import { z } from 'zod';

/**
 * Every setting the server reads, parsed once at boot. Nothing else reads process.env: features
 * receive their slice through injection (APP_CONFIG).
 */
const envSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Folder for the embedded database and the generated secret key. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… ; unset runs the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** redis://… ; unset runs jobs in-process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /** At least 32 characters; signs tokens and encrypts credentials. Generated into DATA_DIR when unset (embedded mode only). */
  FLUXO_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  /** The URL customers' providers and browsers reach this server at. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Minutes an access token lives. */
  ACCESS_TOKEN_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Days a refresh token lives. */
  REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Prefix of Fluxo's Redis keys and channels, so that several installations can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]{1,40}$/i, 'letters, digits, _ and - (up to 40)').default('fluxo'),
  /** Concurrent turn jobs per worker process. */
  TURN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});

export type AppConfig = Readonly<{
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  queuePrefix: string;
  secretKey: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  auth: Readonly<{ accessTokenMinutes: number; refreshTokenDays: number }>;
  turns: Readonly<{ concurrency: number }>;
}>;

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Parses the environment; a bad value stops the boot with every problem named. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Fluxo cannot start, the configuration is invalid:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    secretKey: e.FLUXO_SECRET_KEY,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    auth: Object.freeze({ accessTokenMinutes: e.ACCESS_TOKEN_MINUTES, refreshTokenDays: e.REFRESH_TOKEN_DAYS }),
    turns: Object.freeze({ concurrency: e.TURN_CONCURRENCY }),
  });
}
