import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { createChannelSchema, updateChannelSchema } from './channels.dto';
import { ChannelsService } from './channels.service';
import type { ChannelView } from './channel-view';

@ApiTags('channels')
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @RequireRole('admin')
  @ApiZodBody(createChannelSchema)
  create(@Auth() auth: AuthContext, @Body() body: unknown): Promise<ChannelView> {
    return this.channels.createChannel(auth, parseInput(createChannelSchema, body));
  }

  @Get()
  @RequireRole('viewer')
  list(@Auth() auth: AuthContext): Promise<ChannelView[]> {
    return this.channels.listChannels(auth.tenantId);
  }

  @Get(':id')
  @RequireRole('viewer')
  get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.getChannel(auth.tenantId, parseId(id, 'The channel'));
  }

  @Put(':id')
  @RequireRole('admin')
  @ApiZodBody(updateChannelSchema)
  update(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<ChannelView> {
    return this.channels.updateChannel(auth, parseId(id, 'The channel'), parseInput(updateChannelSchema, body));
  }

  @Delete(':id')
  @RequireRole('admin')
  @HttpCode(204)
  remove(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.channels.deleteChannel(auth, parseId(id, 'The channel'));
  }

  /** Registers the webhook with the provider where it has an API for it (Telegram, Evolution). */
  @Post(':id/activate')
  @RequireRole('admin')
  @HttpCode(200)
  activate(@Auth() auth: AuthContext, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.activateChannel(auth, parseId(id, 'The channel'));
  }
}
