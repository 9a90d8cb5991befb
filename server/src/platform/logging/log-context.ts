import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids every log line of a request or a job carries, without passing them around. */
export type LogContext = { requestId?: string; tenantId?: string; conversationId?: string; job?: string };

const storage = new AsyncLocalStorage<LogContext>();

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/** Adds ids to the running context (e.g. the tenant once the token is read). */
export function addToLogContext(context: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, context);
}
