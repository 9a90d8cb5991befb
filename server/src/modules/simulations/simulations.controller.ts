import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { SimulationsService } from './simulations.service';

const startSchema = z.object({ source: z.enum(['draft', 'published']).default('draft') });
const messageSchema = z.union([
  z.object({ text: z.string().min(1).max(4096) }).strict(),
  z.object({ buttonId: z.string().min(1).max(200) }).strict(),
], { error: 'send {text} or {buttonId}' });

@ApiTags('simulations')
@Controller('api')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post('flows/:id/simulations')
  @RequireRole('editor')
  @ApiZodBody(startSchema)
  start(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: unknown) {
    return this.simulations.startSimulation(auth.tenantId, parseId(id, 'The flow'), parseInput(startSchema, body).source);
  }

  @Post('simulations/:id/messages')
  @RequireRole('editor')
  @HttpCode(200)
  @ApiZodBody(messageSchema)
  async send(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    const reply = await this.simulations.sendMessage(auth.tenantId, parseId(id, 'The simulation'), parseInput(messageSchema, body));
    // The turn outlived the wait: accepted, its replies arrive on the socket.
    if ('messageId' in reply) res.status(202);
    return reply;
  }
}
