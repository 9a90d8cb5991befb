import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { json, raw, urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppDependencies } from './app.module';
import { AppExceptionFilter, toHttp } from './platform/errors/app-exception.filter';
import { noStoreForApi } from './platform/http/no-store';
import { findStudioBuild, studioAssets } from './platform/http/studio-assets';
import { logger } from './platform/logging/logger';
import { NestPinoLogger } from './platform/logging/nest-logger';
import { requestLogging } from './platform/logging/request-logging.middleware';

/** Largest JSON body accepted; flows with hundreds of nodes stay well below it. */
export const BODY_LIMIT = '1mb';

/** The HTTP application, configured the same way for `npm start`, the api process and the tests. */
export async function createHttpApp(deps: AppDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(deps), { bodyParser: false, logger: new NestPinoLogger() });
  app.use(requestLogging);
  app.use(noStoreForApi);
  // Channel webhooks keep their body as bytes: signatures are computed over them (parsed JSON re-serialized would differ).
  app.use('/webhooks', raw({ type: () => true, limit: BODY_LIMIT }));
  app.use(json({ limit: BODY_LIMIT }));
  // HTTP triggers also take form posts, as webhook senders often use them.
  app.use(urlencoded({ limit: BODY_LIMIT, extended: false }));
  // Body errors (bad JSON, too large) happen before Nest's filters can see them.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const { status, body } = toHttp(error);
    res.status(status).json(body);
  });
  app.useGlobalFilters(new AppExceptionFilter());
  const studio = findStudioBuild();
  if (studio) app.use(...studioAssets(studio));
  else logger.warn('The studio is not built (studio/dist): the API works, the editor is not served. Run `npm run build`.');
  app.set('trust proxy', 'loopback');
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Fluxo API')
    .setDescription('Build, publish and run chatbot flows.')
    .addBearerAuth()
    .build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  return app;
}
