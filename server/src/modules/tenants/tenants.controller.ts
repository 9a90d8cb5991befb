import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseInput } from '../../platform/http/parse-body';
import { TenantsService } from './tenants.service';
import type { TenantView } from './tenants.service';

const patchSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  fallbackFlowId: z.uuid().nullable().optional(),
});

@ApiTags('tenant')
@Controller('api/tenant')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  get(@Auth() auth: AuthContext): Promise<TenantView> {
    return this.tenants.getTenant(auth.tenantId);
  }

  @Patch()
  @RequireRole('admin')
  @ApiZodBody(patchSchema)
  update(@Auth() auth: AuthContext, @Body() body: unknown): Promise<TenantView> {
    return this.tenants.updateTenant(auth, parseInput(patchSchema, body));
  }
}
