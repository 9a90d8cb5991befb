import { configJsonSchema, ERROR_PORT, isTrigger, resolvePorts } from '@fluxo/node-sdk';
import type { AnyNodeDefinition, CredentialDef, JsonObject, JsonValue, NodeCategory, PortDef } from '@fluxo/node-sdk';

/** What the studio needs to show a node in the palette, render its form and draw its handles. */
export type NodeTypeView = {
  type: string;
  version: number;
  /** False for an older version kept so that flows pinned to it still open. */
  latest: boolean;
  title: string;
  description: string;
  category: NodeCategory;
  /** A lucide icon name. */
  icon: string;
  /** Triggers start flows and have no input handle. */
  trigger: boolean;
  /** JSON Schema (draft 2020-12) of the config, with UI hints under `x-fluxo`. */
  configSchema: JsonObject;
  /** The config a new node starts with: every field that has a default. */
  defaultConfig: JsonObject;
  /** The output handles: the static ones, or those the default config gives when they depend on config. */
  ports: PortDef[];
  /** The ports change with the config (one per button, case, branch…): recompute them from the node's config. */
  portsDependOnConfig: boolean;
  /** The node has an `error` port a failure can follow. */
  errorPort: boolean;
  credentials: CredentialDef[];
};

export function toNodeTypeView(def: AnyNodeDefinition, latest: boolean): NodeTypeView {
  const defaultConfig = defaultConfigOf(def);
  return {
    type: def.type,
    version: def.version,
    latest,
    title: def.title,
    description: def.description,
    category: def.category,
    icon: def.icon,
    trigger: isTrigger(def),
    configSchema: configJsonSchema(def),
    defaultConfig,
    ports: portsFor(def, defaultConfig),
    portsDependOnConfig: typeof def.outputs === 'function',
    errorPort: def.errorPort === true,
    credentials: def.credentials ?? [],
  };
}

/**
 * Each top-level field's default, field by field: a whole-object parse of `{}` fails as soon as
 * one field is required (a message's text), yet the other defaults are still worth having.
 */
function defaultConfigOf(def: AnyNodeDefinition): JsonObject {
  const whole = def.config.safeParse({});
  if (whole.success) return whole.data as JsonObject;
  const config: JsonObject = {};
  for (const [key, field] of Object.entries(def.config.shape as Record<string, { safeParse(input: unknown): { success: boolean; data?: unknown } }>)) {
    const parsed = field.safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) config[key] = parsed.data as JsonValue;
  }
  return config;
}

/** Config-derived ports come from the default config; when that config cannot give them (no cases yet), none but `error`. */
function portsFor(def: AnyNodeDefinition, defaultConfig: JsonObject): PortDef[] {
  try {
    return resolvePorts(def, defaultConfig);
  } catch {
    return def.errorPort ? [ERROR_PORT] : [];
  }
}
