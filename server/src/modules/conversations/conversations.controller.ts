import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { ConversationsService } from './conversations.service';

const listSchema = z.object({
  status: z.enum(['idle', 'waiting', 'ended', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('conversations')
@Controller('api/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@Auth() auth: AuthContext, @Query() query: unknown) {
    return this.conversations.listConversations(auth.tenantId, parseInput(listSchema, query));
  }

  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.conversations.getConversation(auth.tenantId, parseId(id, 'The conversation'));
  }

  @Post(':id/reset')
  @RequireRole('agent')
  @HttpCode(200)
  reset(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.conversations.resetConversation(auth, parseId(id, 'The conversation'));
  }
}
