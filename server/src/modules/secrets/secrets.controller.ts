import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseInput } from '../../platform/http/parse-body';
import { SecretsService } from './secrets.service';
import type { SecretView } from './secrets.service';

const nameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, _ . - (up to 100)');
const valueSchema = z.object({ value: z.string().min(1).max(10_000) });

@ApiTags('secrets')
@Controller('api/secrets')
export class SecretsController {
  constructor(private readonly secrets: SecretsService) {}

  @Get()
  @RequireRole('admin')
  list(@Auth() auth: AuthContext): Promise<SecretView[]> {
    return this.secrets.listSecrets(auth.tenantId);
  }

  @Put(':name')
  @RequireRole('admin')
  @ApiZodBody(valueSchema)
  put(@Auth() auth: AuthContext, @Param('name') name: string, @Body() body: unknown): Promise<SecretView> {
    return this.secrets.putSecret(auth, parseInput(nameSchema, name), parseInput(valueSchema, body).value);
  }

  @Delete(':name')
  @RequireRole('admin')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('name') name: string): Promise<void> {
    return this.secrets.deleteSecret(auth, parseInput(nameSchema, name));
  }
}
