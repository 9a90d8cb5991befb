import type { AnyNodeDefinition } from '@fluxo/node-sdk';

/**
 * Every node type a host knows, by `type@version`. Built from definitions (built-ins, then
 * custom nodes), never from a switch statement.
 */
export class NodeRegistry {
  private readonly byKey = new Map<string, AnyNodeDefinition>();
  private readonly latestByType = new Map<string, AnyNodeDefinition>();

  constructor(definitions: Iterable<AnyNodeDefinition> = []) {
    for (const def of definitions) this.register(def);
  }

  register(def: AnyNodeDefinition): void {
    if (this.byKey.has(def.key)) throw new Error(`Node ${def.key} is registered twice.`);
    this.byKey.set(def.key, def);
    const latest = this.latestByType.get(def.type);
    if (!latest || latest.version < def.version) this.latestByType.set(def.type, def);
  }

  get(type: string, version: number): AnyNodeDefinition | undefined {
    return this.byKey.get(`${type}@${version}`);
  }

  latest(type: string): AnyNodeDefinition | undefined {
    return this.latestByType.get(type);
  }

  /** The newest version of every type, for palettes and `GET /node-types`. */
  list(): AnyNodeDefinition[] {
    return [...this.latestByType.values()];
  }

  /** Every registered version. */
  all(): AnyNodeDefinition[] {
    return [...this.byKey.values()];
  }

  /**
   * Brings a stored config up to the latest version through each version's pure `upgrade`.
   * Throws when a version in the chain is missing or declares no upgrade from its predecessor.
   */
  upgradeConfig(type: string, fromVersion: number, config: unknown): { version: number; config: unknown } {
    const latest = this.latest(type);
    if (!latest) throw new Error(`Unknown node type ${type}.`);
    let version = fromVersion;
    let current = config;
    while (version < latest.version) {
      const nextDef = this.nextVersionFrom(type, version, latest.version);
      if (!nextDef?.upgrade) throw new Error(`${type}: no upgrade path from version ${version} to ${latest.version}.`);
      current = nextDef.upgrade.upgrade(current);
      version = nextDef.version;
    }
    return { version, config: current };
  }

  private nextVersionFrom(type: string, version: number, max: number): AnyNodeDefinition | undefined {
    for (let v = version + 1; v <= max; v++) {
      const def = this.get(type, v);
      if (def?.upgrade?.fromVersion === version) return def;
    }
    return undefined;
  }
}
