import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the server answers itself; everything else that asks for a page gets the studio. */
const SERVER_PATHS = /^\/(api|hooks|webhooks|media|health|socket\.io|widget\.js|widget)(\/|$)/;

/** The studio's production build (studio/dist), whether the server runs from src or dist. */
export function findStudioBuild(): string | undefined {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'studio', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

/**
 * Serves the studio on the server's own origin: its files, and its index page for the app's
 * routes (/flows/123 is a studio route the browser may load directly).
 */
export function studioAssets(root: string) {
  const files = express.static(root, { index: false, maxAge: '1h', setHeaders: noCacheForIndex });
  const index = join(root, 'index.html');
  return [
    (req: Request, res: Response, next: NextFunction) => (SERVER_PATHS.test(req.path) ? next() : files(req, res, next)),
    (req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    },
  ];
}

/** Hashed assets may be cached; the index page must not be, or a deploy would not reach browsers. */
function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (/assets\//.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
