import type { z } from 'zod';
import type { ConfigSchema, NodeDefinition } from '../define-node';

export type ConfigIssue = { path: string; message: string };

export type ConfigParse<S extends ConfigSchema> =
  | { ok: true; config: z.output<S> }
  | { ok: false; issues: ConfigIssue[] };

/** Parses a node's stored config with its schema (defaults applied), with readable issues. */
export function parseNodeConfig<S extends ConfigSchema>(def: NodeDefinition<S>, raw: unknown): ConfigParse<S> {
  const parsed = def.config.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

export function describeIssues(issues: ConfigIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
