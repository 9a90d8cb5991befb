/**
 * The four kinds of node failure. The engine treats them differently: a config error is never
 * retried, a provider error carries the provider's status and whether a retry can help, a
 * transient error is retried with back-off, and an internal error is a bug to report.
 */
export type NodeErrorKind = 'config' | 'provider' | 'transient' | 'internal';

export class NodeError extends Error {
  readonly kind: NodeErrorKind;
  readonly code: string;
  readonly retryable: boolean;

  constructor(kind: NodeErrorKind, code: string, message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NodeError';
    this.kind = kind;
    this.code = code;
    this.retryable = retryable;
  }

  toJSON(): { kind: NodeErrorKind; code: string; message: string; retryable: boolean } {
    return { kind: this.kind, code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** The node is configured wrongly (or a value it needs is missing): fix the flow, retrying won't help. */
export class NodeConfigError extends NodeError {
  constructor(message: string, code = 'CONFIG_INVALID', options?: { cause?: unknown }) {
    super('config', code, message, false, options);
    this.name = 'NodeConfigError';
  }
}

/** An outside service answered with an error. */
export class ProviderError extends NodeError {
  readonly status: number | undefined;

  constructor(message: string, opts: { status?: number; retryable: boolean; code?: string; cause?: unknown }) {
    super('provider', opts.code ?? 'PROVIDER_ERROR', message, opts.retryable, { cause: opts.cause });
    this.name = 'ProviderError';
    this.status = opts.status;
  }
}

/** A passing failure (timeout, connection reset): worth retrying with back-off. */
export class TransientError extends NodeError {
  constructor(message: string, code = 'TRANSIENT', options?: { cause?: unknown }) {
    super('transient', code, message, true, options);
    this.name = 'TransientError';
  }
}

/** A bug: in a node, or a result the engine cannot accept. */
export class InternalNodeError extends NodeError {
  constructor(message: string, code = 'INTERNAL', options?: { cause?: unknown }) {
    super('internal', code, message, false, options);
    this.name = 'InternalNodeError';
  }
}

/** Anything a node threw, as a NodeError (plain errors count as internal). */
export function toNodeError(error: unknown): NodeError {
  if (error instanceof NodeError) return error;
  if (error instanceof Error) return new InternalNodeError(error.message, 'INTERNAL', { cause: error });
  return new InternalNodeError(String(error));
}
