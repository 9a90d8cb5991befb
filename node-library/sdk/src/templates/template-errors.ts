import { NodeConfigError } from '../errors';

/** A template that does not parse, or that broke a render limit. It is a config problem of the flow. */
export class TemplateError extends NodeConfigError {
  constructor(message: string, code: 'TEMPLATE_INVALID' | 'TEMPLATE_LIMIT', options?: { cause?: unknown }) {
    super(message, code, options);
    this.name = 'TemplateError';
  }
}
