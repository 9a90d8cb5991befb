import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { roleAtLeast } from '../../platform/auth/roles';
import type { AuthContext, Role } from '../../platform/auth/roles';
import { queryOne, queryRows } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { AppError } from '../../platform/errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { toUserView } from '../auth/auth.service';
import type { UserView } from '../auth/auth.service';

type UserRow = Parameters<typeof toUserView>[0];

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async listUsers(tenantId: string): Promise<UserView[]> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) =>
      (await queryRows<UserRow>(db, `SELECT id, tenant_id, email, name, role, created_at FROM users WHERE tenant_id = $1 ORDER BY created_at`, [tenantId])).map(toUserView));
  }

  /**
   * Adds a member with a role. Without a password the member cannot log in yet (an invitation
   * e-mail needs the mail integration, which does not exist yet).
   */
  async inviteUser(auth: AuthContext, input: { email: string; name: string; role: Role; password?: string }): Promise<UserView> {
    if (!roleAtLeast(auth.role, input.role)) throw new AppError('forbidden', 'ROLE_TOO_HIGH', `You cannot give the ${input.role} role: it is above yours.`);
    const passwordHash = input.password ? await argon2.hash(input.password, { type: argon2.argon2id }) : null;
    // E-mails are unique across tenants, which row-level security would hide: check with system rights first.
    if (await queryOne(this.dataSource, `SELECT 1 FROM users WHERE lower(email) = $1`, [input.email])) {
      throw new AppError('conflict', 'EMAIL_TAKEN', 'An account with this e-mail already exists.');
    }
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = (await queryOne<UserRow>(db,
        `INSERT INTO users (tenant_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING id, tenant_id, email, name, role, created_at`,
        [auth.tenantId, input.email, input.name, passwordHash, input.role]))!;
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'user.invited', targetType: 'user', targetId: row.id, details: { role: input.role } });
      return toUserView(row);
    });
  }
}
