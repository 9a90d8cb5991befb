import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import { ROLES } from '../../platform/auth/roles';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { ApiKeysService } from './api-keys.service';
import type { ApiKeyView, NewApiKeyView } from './api-keys.service';

const createSchema = z.object({ name: z.string().trim().min(1).max(120), role: z.enum(ROLES).default('editor') });

@ApiTags('api-keys')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RequireRole('admin')
  list(@Auth() auth: AuthContext): Promise<ApiKeyView[]> {
    return this.keys.listKeys(auth.tenantId);
  }

  @Post()
  @RequireRole('admin')
  @ApiZodBody(createSchema)
  create(@Auth() auth: AuthContext, @Body() body: unknown): Promise<NewApiKeyView> {
    return this.keys.createKey(auth, parseInput(createSchema, body));
  }

  @Delete(':id')
  @RequireRole('admin')
  @HttpCode(204)
  revoke(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.keys.revokeKey(auth, parseId(id, 'The API key'));
  }
}
