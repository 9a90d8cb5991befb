import type { JsonObject, JsonValue } from '../json';
import type { VariableScope, VariablesPort } from '../ports';

export type VariableChange = { scope: VariableScope; name: string; from: JsonValue | null; to: JsonValue };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Flow and contact variables for one step, recording every change for the trace. Writes go to
 * the objects passed in, which the caller owns (copy-on-write happens at the turn level).
 */
export class VariableStore implements VariablesPort {
  readonly changes: VariableChange[] = [];

  constructor(
    private readonly flow: JsonObject,
    private readonly contact: JsonObject,
  ) {}

  get(name: string, scope: VariableScope = 'flow'): JsonValue | undefined {
    const bag = this.bag(scope);
    return Object.prototype.hasOwnProperty.call(bag, name) ? bag[name] : undefined;
  }

  set(name: string, value: JsonValue, scope: VariableScope = 'flow'): void {
    if (!NAME.test(name)) {
      throw new Error(`Variable name "${name}" is not valid: use letters, digits and _ (up to 64), not starting with a digit.`);
    }
    const bag = this.bag(scope);
    const from = Object.prototype.hasOwnProperty.call(bag, name) ? (bag[name] as JsonValue) : null;
    bag[name] = value;
    this.changes.push({ scope, name, from, to: value });
  }

  all(scope: VariableScope = 'flow'): Readonly<JsonObject> {
    return this.bag(scope);
  }

  private bag(scope: VariableScope): JsonObject {
    return scope === 'contact' ? this.contact : this.flow;
  }
}

export function isValidVariableName(name: string): boolean {
  return NAME.test(name);
}
