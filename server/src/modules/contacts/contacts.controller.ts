import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { ContactsService } from './contacts.service';

const listSchema = z.object({
  search: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const mergeSchema = z.object({ contactId: z.uuid().transform((id) => id.toLowerCase()) });

@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  list(@Auth() auth: AuthContext, @Query() query: unknown) {
    return this.contacts.listContacts(auth.tenantId, parseInput(listSchema, query));
  }

  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.contacts.getContact(auth.tenantId, parseId(id, 'The contact'));
  }

  /** `contactId` (the same person on another channel) joins this contact. */
  @Post(':id/merge')
  @RequireRole('agent')
  @HttpCode(200)
  merge(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: unknown) {
    return this.contacts.mergeContacts(auth, parseId(id, 'The contact'), parseInput(mergeSchema, body).contactId);
  }
}
