import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';
import type { Role } from './roles';

export const SECRET_KEY = Symbol('SECRET_KEY');

type AccessClaims = { sub: string; tid: string; role: Role; typ: 'access' };

/**
 * Access tokens are short-lived JWTs (no database read per request); refresh tokens and API keys
 * are random strings stored only as hashes, so a database leak does not leak usable tokens.
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    @Inject(SECRET_KEY) secretKey: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A key of its own for signing, derived from the master key (which also encrypts credentials).
    const signingKey = createHmac('sha256', secretKey).update('fluxo:access-tokens').digest();
    this.jwt = new JwtService({ secret: signingKey, signOptions: { algorithm: 'HS256', issuer: 'fluxo' }, verifyOptions: { algorithms: ['HS256'], issuer: 'fluxo' } });
  }

  issueAccessToken(user: { id: string; tenantId: string; role: Role }): string {
    const claims: AccessClaims = { sub: user.id, tid: user.tenantId, role: user.role, typ: 'access' };
    return this.jwt.sign(claims, { expiresIn: this.config.auth.accessTokenMinutes * 60 });
  }

  verifyAccessToken(token: string): AccessClaims {
    try {
      const claims = this.jwt.verify<AccessClaims>(token);
      if (claims.typ !== 'access') throw new Error('not an access token');
      return claims;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new AppError('unauthorized', expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
        expired ? 'Your session expired: refresh it (POST /api/auth/refresh) or log in again.' : 'The access token is invalid: log in again.');
    }
  }

  /** A new opaque token with the given prefix, and the hash to store. */
  newOpaqueToken(prefix: string): { token: string; hash: string } {
    const token = `${prefix}${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashToken(token) };
  }

  refreshTokenExpiry(from: Date): Date {
    return new Date(from.getTime() + this.config.auth.refreshTokenDays * 24 * 3600 * 1000);
  }
}

/** Tokens carry 256 random bits, so a fast hash is enough (no salt or slow hash needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
