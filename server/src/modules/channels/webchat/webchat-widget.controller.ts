import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../platform/auth/auth.decorators';

/** server/assets/webchat-widget.js, found from here in the source tree and in dist alike. */
function loadWidget(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'server', 'assets', 'webchat-widget.js');
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    const inside = join(dir, 'assets', 'webchat-widget.js');
    if (existsSync(inside)) return readFileSync(inside, 'utf8');
  }
  throw new Error('server/assets/webchat-widget.js is missing from this install.');
}

/** The embeddable chat: one script, no framework on the host page. The key in its URL picks the channel. */
@ApiExcludeController()
@Public()
@Controller()
export class WebchatWidgetController {
  private readonly script = loadWidget();

  @Get('widget.js')
  widget(@Res() res: Response): void {
    res.status(200).type('application/javascript').set('cache-control', 'public, max-age=300').send(this.script);
  }
}
