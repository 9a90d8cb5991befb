import type { NextFunction, Request, Response } from 'express';

/**
 * API answers are per-user and change without their ETag changing (publishing leaves the draft's
 * revision, and so its ETag, as it was). ETags here are for If-Match on writes, not for caching:
 * without this a browser revalidates with If-None-Match, gets a 304 and shows the stale body.
 */
export function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}
