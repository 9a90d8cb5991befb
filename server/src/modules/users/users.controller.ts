import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import { ROLES } from '../../platform/auth/roles';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseInput } from '../../platform/http/parse-body';
import type { UserView } from '../auth/auth.service';
import { UsersService } from './users.service';

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: z.string().min(8, 'must have at least 8 characters').max(200).optional(),
});

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Auth() auth: AuthContext): Promise<UserView[]> {
    return this.users.listUsers(auth.tenantId);
  }

  @Post()
  @RequireRole('admin')
  @ApiZodBody(inviteSchema)
  invite(@Auth() auth: AuthContext, @Body() body: unknown): Promise<UserView> {
    return this.users.inviteUser(auth, parseInput(inviteSchema, body));
  }
}
