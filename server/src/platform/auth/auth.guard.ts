import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { queryOne } from '../database/sql';
import { AppError } from '../errors/app-error';
import { addToLogContext } from '../logging/log-context';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './auth.decorators';
import { roleAtLeast } from './roles';
import type { AuthContext, Role } from './roles';
import { hashToken, TokenService } from './token.service';

export const API_KEY_PREFIX = 'flx_';

/** Every route needs `Authorization: Bearer <access token or API key>` unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; auth?: AuthContext }>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new AppError('unauthorized', 'NOT_AUTHENTICATED', 'Log in first: send Authorization: Bearer <token>.');
    const auth = token.startsWith(API_KEY_PREFIX) ? await this.apiKey(token) : this.session(token);
    request.auth = auth;
    addToLogContext({ tenantId: auth.tenantId });
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (needed && !roleAtLeast(auth.role, needed)) {
      throw new AppError('forbidden', 'ROLE_REQUIRED', `This needs the ${needed} role or higher; you are ${auth.role}.`);
    }
    return true;
  }

  private session(token: string): AuthContext {
    const claims = this.tokens.verifyAccessToken(token);
    return { tenantId: claims.tid, userId: claims.sub, role: claims.role, via: 'session' };
  }

  private async apiKey(token: string): Promise<AuthContext> {
    const key = await queryOne<{ id: string; tenant_id: string; role: Role; created_by: string | null }>(this.dataSource,
      `UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, tenant_id, role, created_by`,
      [hashToken(token)],
    );
    if (!key) throw new AppError('unauthorized', 'API_KEY_INVALID', 'The API key is invalid or was revoked.');
    return { tenantId: key.tenant_id, userId: key.created_by, role: key.role, via: 'api_key' };
  }
}
