import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../platform/auth/auth.decorators';
import { parseId } from '../../platform/http/parse-body';
import { HooksService } from './hooks.service';

/** Headers a flow may not set on its answer (they belong to the HTTP layer). */
const RESERVED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'set-cookie']);

@ApiTags('hooks')
@Public()
@Controller('hooks')
export class HooksController {
  constructor(private readonly hooks: HooksService) {}

  @All(':tenantId/*path')
  async call(@Param('tenantId') tenantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const prefix = `/hooks/${tenantId}`;
    const path = req.path.startsWith(prefix) ? req.path.slice(prefix.length) || '/' : req.path;
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : Array.isArray(value) ? [[name.toLowerCase(), value.join(', ')]] : [])));
    const query = Object.fromEntries(Object.entries(req.query).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
    const answer = await this.hooks.handleCall(parseId(tenantId, 'The endpoint'), { method: req.method.toUpperCase(), path, headers, query, body: req.body ?? null });
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      if (!RESERVED_HEADERS.has(name.toLowerCase())) res.setHeader(name, value);
    }
    res.status(answer.status).json(answer.body ?? null);
  }
}
