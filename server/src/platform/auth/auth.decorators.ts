import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { AuthContext, Role } from './roles';

export const PUBLIC_ROUTE = 'fluxo:public';
export const REQUIRED_ROLE = 'fluxo:role';

/** The route needs no login (signup, login, health, HTTP triggers). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The least role the route needs (default: any member, viewer included). */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** The caller's tenant, user and role. */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  return context.switchToHttp().getRequest<{ auth: AuthContext }>().auth;
});
