import { Catch, HttpException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { logger } from '../logging/logger';
import { AppError, STATUS_BY_KIND } from './app-error';

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/** One place that turns errors into HTTP answers: `{ error: { code, message, ...details } }`. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toHttp(error);
    if (status >= 500) logger.error({ err: error }, 'request failed');
    if (!response.headersSent) response.status(status).json(body);
  }
}

export function toHttp(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (error instanceof AppError) {
    return { status: STATUS_BY_KIND[error.kind], body: { error: { code: error.code, message: error.message, ...error.details } } };
  }
  const parser = error as BodyParserError;
  if (parser?.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' } } };
  }
  if (parser?.type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'BODY_TOO_LARGE', message: `The request body is larger than ${parser.limit ?? 1_048_576} bytes.` } } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, body: { error: { code: status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it was logged. Try again.' } } };
}
