import type { JsonObject, JsonValue, NodeTypeView, PortDef } from '../types';

const ERROR_PORT: PortDef = { id: 'error', label: 'Error' };

type DerivePorts = (config: JsonObject) => PortDef[] | null;

const asArray = (value: JsonValue | undefined): JsonObject[] =>
  Array.isArray(value) ? value.filter((item): item is JsonObject => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];

const str = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

/** Options (`{ id, title|label }`) that already have an id become ports; half-typed ones do not. */
const optionPorts = (items: JsonObject[], labelKey: 'title' | 'label'): PortDef[] =>
  items.filter((item) => str(item.id)).map((item) => ({ id: str(item.id), label: str(item[labelKey]) || str(item.id) }));

/**
 * The node-type view only says *that* ports follow the config (`portsDependOnConfig`), not how,
 * so the built-in nodes' `outputs(config)` are mirrored here (node-library/nodes: send-message,
 * ask-question, switch, random-split). A node type not listed keeps the static ports the view gives.
 * `null` means "this config cannot give ports", which also falls back to the static ones.
 */
const derivers: Record<string, DerivePorts> = {
  'fluxo.sendMessage': (config) => {
    const kind = str(config.kind) || 'text';
    if (kind === 'text' || kind === 'media' || kind === 'template') return [{ id: 'out', label: 'Enviada' }];
    const list = config.list;
    const options =
      kind === 'buttons'
        ? optionPorts(asArray(config.buttons), 'title')
        : asArray(typeof list === 'object' && list !== null && !Array.isArray(list) ? list.sections : undefined).flatMap((section) =>
            optionPorts(asArray(section.rows), 'title'),
          );
    return [...options, { id: 'other', label: 'Outra resposta' }];
  },
  'fluxo.askQuestion': (config) => {
    const answered = config.answerType === 'choice' ? optionPorts(asArray(config.choices), 'title') : [{ id: 'out', label: 'Resposta válida' }];
    const timeout = config.timeoutMinutes === undefined ? [] : [{ id: 'timeout', label: 'Sem resposta' }];
    return [...answered, { id: 'invalid', label: 'Tentativas esgotadas' }, ...timeout];
  },
  'fluxo.switch': (config) => [...optionPorts(asArray(config.cases), 'label'), { id: 'default', label: 'Nenhum caso' }],
  'fluxo.randomSplit': (config) => optionPorts(asArray(config.branches), 'label'),
};

/** The output handles of a node with this config, in order; `error` last when the type has one. */
export function portsOf(view: NodeTypeView | undefined, config: JsonObject): PortDef[] {
  if (!view) return [{ id: 'out', label: 'out' }];
  const derive = view.portsDependOnConfig ? derivers[view.type] : undefined;
  const derived = derive?.(config);
  if (!derived) return view.ports;
  const withoutError = derived.filter((port) => port.id !== ERROR_PORT.id);
  const error = view.ports.find((port) => port.id === ERROR_PORT.id) ?? ERROR_PORT;
  return view.errorPort ? [...withoutError, error] : withoutError;
}

/** Triggers start a flow and take no input handle. */
export function isTriggerType(view: Pick<NodeTypeView, 'type' | 'category'> & { trigger?: boolean }): boolean {
  return view.trigger === true || view.category === 'triggers' || view.type.endsWith('Trigger');
}
