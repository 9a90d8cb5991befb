import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../platform/auth/roles';
import { hashToken, TokenService } from '../../platform/auth/token.service';
import { queryOne } from '../../platform/database/sql';
import { AppError } from '../../platform/errors/app-error';
import { assertTimeZone } from '../../platform/time/time-zone';
import { recordAudit } from '../audit/record-audit';
import type { LoginInput, SignupInput } from './auth.dto';
import { LoginThrottle } from './login-throttle';

export type UserView = { id: string; email: string; name: string; role: Role; tenantId: string; createdAt: string };
export type TenantView = { id: string; name: string; timeZone: string };
export type SessionView = { accessToken: string; refreshToken: string; user: UserView; tenant: TenantView };

type UserRow = { id: string; tenant_id: string; email: string; name: string; role: Role; password_hash: string | null; created_at: Date };
type TenantRow = { id: string; name: string; time_zone: string };

const REFRESH_PREFIX = 'flr_';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** A new tenant with its owner, logged in. */
  async signup(input: SignupInput): Promise<SessionView> {
    assertTimeZone(input.timeZone);
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return this.dataSource.transaction(async (db) => {
      const taken = await queryOne(db, `SELECT 1 FROM users WHERE lower(email) = $1`, [input.email]);
      if (taken) throw new AppError('conflict', 'EMAIL_TAKEN', 'An account with this e-mail already exists: log in instead.');
      const tenant = (await queryOne<TenantRow>(db,
        `INSERT INTO tenants (name, time_zone) VALUES ($1, $2) RETURNING id, name, time_zone`, [input.tenantName, input.timeZone ?? 'America/Sao_Paulo']))!;
      const user = (await queryOne<UserRow>(db,
        `INSERT INTO users (tenant_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'owner') RETURNING *`,
        [tenant.id, input.email, input.name, passwordHash]))!;
      await recordAudit(db, { tenantId: tenant.id, actorId: user.id, action: 'tenant.created', targetType: 'tenant', targetId: tenant.id });
      return this.openSession(db, user, tenant);
    });
  }

  async login(input: LoginInput, clientAddress: string): Promise<SessionView> {
    const keys = [`email:${input.email}`, `ip:${clientAddress}`];
    await this.throttle.assertAllowed(keys);
    const user = await queryOne<UserRow>(this.dataSource, `SELECT * FROM users WHERE lower(email) = $1`, [input.email]);
    // Verify against a dummy hash when the user does not exist, so timing does not reveal accounts.
    const valid = await argon2.verify(user?.password_hash ?? (await dummyPasswordHash()), input.password).catch(() => false);
    if (!user || !user.password_hash || !valid) {
      await this.throttle.recordFailure(keys);
      throw new AppError('unauthorized', 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');
    }
    await this.throttle.clear(keys[0]!);
    return this.dataSource.transaction(async (db) => this.openSession(db, user, await this.tenant(db, user.tenant_id)));
  }

  /** Trades a refresh token for a new pair; the old refresh token stops working (rotation). */
  async refresh(refreshToken: string): Promise<SessionView> {
    return this.dataSource.transaction(async (db) => {
      const session = await queryOne<{ user_id: string }>(db,
        `UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING user_id`,
        [hashToken(refreshToken)]);
      if (!session) throw new AppError('unauthorized', 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid, used or expired: log in again.');
      const user = (await queryOne<UserRow>(db, `SELECT * FROM users WHERE id = $1`, [session.user_id]))!;
      return this.openSession(db, user, await this.tenant(db, user.tenant_id));
    });
  }

  /** Ends a session: its refresh token stops working (access tokens expire on their own within minutes). */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [hashToken(refreshToken)]);
  }

  private async openSession(db: EntityManager, user: UserRow, tenant: TenantRow): Promise<SessionView> {
    const refresh = this.tokens.newOpaqueToken(REFRESH_PREFIX);
    await db.query(`INSERT INTO sessions (tenant_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [user.tenant_id, user.id, refresh.hash, this.tokens.refreshTokenExpiry(new Date())]);
    return {
      accessToken: this.tokens.issueAccessToken({ id: user.id, tenantId: user.tenant_id, role: user.role }),
      refreshToken: refresh.token,
      user: toUserView(user),
      tenant: { id: tenant.id, name: tenant.name, timeZone: tenant.time_zone },
    };
  }

  private async tenant(db: EntityManager, id: string): Promise<TenantRow> {
    return (await queryOne<TenantRow>(db, `SELECT id, name, time_zone FROM tenants WHERE id = $1`, [id]))!;
  }
}

export function toUserView(row: Omit<UserRow, 'password_hash'>): UserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, tenantId: row.tenant_id, createdAt: new Date(row.created_at).toISOString() };
}


/** A hash of a random string nobody knows: verifying against it spends the same time as a real login. */
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  return dummyHash;
}
