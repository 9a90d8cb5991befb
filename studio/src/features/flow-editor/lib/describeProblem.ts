import type { MessageKey, Translate } from '../../../shared/i18n';
import type { FlowProblem, JsonObject, JsonValue } from '../types';

type Code = FlowProblem['code'];

/** Codes whose message names something in quotes (a port, a variable, an id): the name fills `{name}`. */
const NAMED: ReadonlySet<Code> = new Set<Code>(['DUPLICATE_NODE_ID', 'DUPLICATE_EDGE_ID', 'DUPLICATE_VARIABLE', 'UNKNOWN_NODE_TYPE', 'DANGLING_EDGE', 'UNKNOWN_PORT', 'PORT_FAN_OUT', 'UNCONNECTED_PORT']);
const PLAIN: ReadonlySet<Code> = new Set<Code>(['NO_TRIGGER', 'UNKNOWN_NODE_VERSION', 'EDGE_INTO_TRIGGER', 'UNREACHABLE_NODE']);

const quoted = (message: string): string | null => /"([^"]*)"/.exec(message)?.[1] ?? null;

/**
 * A problem in the person's language. The server writes its messages in English for developers;
 * the codes it knows today get a friendly sentence, anything else keeps the server's words.
 * `schema` (the node type's config schema) turns a config path into the field's title.
 */
export function describeProblem(problem: FlowProblem, t: Translate, schema?: JsonObject): string {
  const code = problem.code;
  if (PLAIN.has(code)) return t(`canvas.problem.${code}` as MessageKey);
  if (NAMED.has(code)) {
    const name = quoted(problem.message);
    return name === null ? problem.message : t(`canvas.problem.${code}` as MessageKey, { name });
  }
  if (code === 'INVALID_CONFIG' || code === 'INVALID_TEMPLATE') {
    if (!problem.path) return code === 'INVALID_CONFIG' ? t('canvas.problem.INVALID_CONFIG.whole') : problem.message;
    return t(`canvas.problem.${code}`, { field: fieldTitle(schema, problem.path) });
  }
  return problem.message;
}

const asObject = (value: JsonValue | undefined): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;

/**
 * `buttons.0.title` → "Botões › Título" when the schema titles them; the raw path otherwise.
 * Array indexes count from one, as a person would ("Botões 1 › Título").
 */
export function fieldTitle(schema: JsonObject | undefined, path: string): string {
  const parts: string[] = [];
  let here = schema;
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) {
      here = asObject(here?.items);
      if (parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]} ${Number(segment) + 1}`;
      continue;
    }
    const property = asObject(asObject(here?.properties)?.[segment]);
    const title = property?.title;
    parts.push(typeof title === 'string' && title ? title : segment);
    here = property;
  }
  return parts.join(' › ');
}
