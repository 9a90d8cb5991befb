import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '../../platform/database/sql';
import { AppError } from '../../platform/errors/app-error';

/** Failed logins allowed within the window: few per account, more per address (offices share one). */
export const MAX_FAILURES = { email: 5, ip: 50 } as const;
export const WINDOW_MINUTES = 15;

/**
 * Slows password guessing. Counts live in Postgres, so every api process shares them; a success
 * clears the e-mail's count.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Keys are `email:<address>` and `ip:<client address>`. */
  async assertAllowed(keys: string[]): Promise<void> {
    for (const key of keys) {
      const row = await queryOne<{ failures: number; retry_seconds: number }>(this.dataSource,
        `SELECT failures, ceil(extract(epoch FROM window_started_at + make_interval(mins => $2) - now()))::int AS retry_seconds
           FROM login_attempts WHERE key = $1 AND window_started_at > now() - make_interval(mins => $2)`,
        [key, WINDOW_MINUTES]);
      const limit = key.startsWith('ip:') ? MAX_FAILURES.ip : MAX_FAILURES.email;
      if (row && row.failures >= limit) {
        throw new AppError('rate_limited', 'TOO_MANY_LOGIN_ATTEMPTS',
          `Too many failed logins. Wait ${Math.max(1, Math.ceil(row.retry_seconds / 60))} minute(s) and try again, or reset your password.`,
          { retryAfterSeconds: row.retry_seconds });
      }
    }
  }

  async recordFailure(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.dataSource.query(
        `INSERT INTO login_attempts (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_attempts.window_started_at > now() - make_interval(mins => $2) THEN login_attempts.failures + 1 ELSE 1 END,
           window_started_at = CASE WHEN login_attempts.window_started_at > now() - make_interval(mins => $2) THEN login_attempts.window_started_at ELSE now() END`,
        [key, WINDOW_MINUTES]);
    }
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE key = $1`, [key]);
  }
}
