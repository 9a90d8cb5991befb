import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Query, Res } from '@nestjs/common';
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

  /** A bare page with the widget on it, to try a website chat before pasting it into a real site. */
  @Get('widget/demo')
  demo(@Query('key') key: string | undefined, @Res() res: Response): void {
    const safeKey = encodeURIComponent(String(key ?? ''));
    res.status(200).type('text/html').send(`<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Fluxo: website chat demo</title></head><body style="font-family:system-ui;max-width:640px;margin:48px auto;padding:0 16px">
<h1>Website chat demo</h1><p>The chat button at the bottom right is the widget a site gets with one line:</p>
<pre style="background:#f3f4f6;padding:12px;white-space:pre-wrap">&lt;script src="/widget.js?key=${safeKey}" async&gt;&lt;/script&gt;</pre>
<script src="/widget.js?key=${safeKey}" async></script></body></html>`);
  }
}
