import { z } from 'zod';
import { defineNode, next, NodeConfigError, parseNumberLoose, ui } from '@fluxo/node-sdk';
import type { JsonObject, JsonValue } from '@fluxo/node-sdk';

export type VariableType = 'string' | 'number' | 'boolean' | 'json';

const TRUE_WORDS = new Set(['true', 'sim', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'não', 'nao', 'no', '0']);

const assignmentSchema = z.object({
  name: ui(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Use letters, digits and _ (up to 64), not starting with a digit.'), {
    label: 'Variável',
    placeholder: 'plano',
    widget: 'variable',
  }),
  scope: ui(z.enum(['flow', 'contact']).default('flow'), {
    label: 'Escopo',
    widget: 'select',
    optionLabels: { flow: 'Desta conversa', contact: 'Do contato (permanente)' },
  }),
  value: ui(z.string().max(20_000), { label: 'Valor', placeholder: '{{ message.text }}', templated: true }),
  type: ui(z.enum(['string', 'number', 'boolean', 'json']).default('string'), {
    label: 'Tipo',
    widget: 'select',
    optionLabels: { string: 'Texto', number: 'Número', boolean: 'Sim/Não', json: 'JSON' },
  }),
});

/** Stores values in flow or contact variables, converted to the type the flow expects. */
export const setVariable = defineNode({
  type: 'fluxo.setVariable',
  version: 1,
  title: 'Definir variável',
  description: 'Guarda valores em variáveis da conversa ou do contato.',
  category: 'logic',
  icon: 'variable',
  config: z.object({
    assignments: ui(z.array(assignmentSchema).min(1).max(50), {
      label: 'Atribuições',
      // Templates are rendered before any assignment runs, so a later value cannot see an earlier one.
      help: 'Os valores são calculados antes de qualquer atribuição: um valor não enxerga outra variável definida neste mesmo bloco.',
      widget: 'list',
    }),
  }),
  outputs: [{ id: 'out', label: 'Próximo' }],
  errorPort: true,
  execute(ctx) {
    // Convert everything first so that one bad value leaves no half-applied assignments behind.
    const { assignments } = ctx.config;
    const converted = assignments.map((item) => convertValue(item.name, item.value, item.type));
    const values: JsonObject = {};
    assignments.forEach((item, i) => {
      ctx.vars.set(item.name, converted[i]!, item.scope);
      values[item.name] = converted[i]!;
    });
    return next('out', { values });
  },
});

/** The rendered text as the declared type; a value that does not fit is a config error naming both. */
export function convertValue(name: string, value: string, type: VariableType): JsonValue {
  switch (type) {
    case 'string':
      return value;
    case 'number': {
      const number = parseNumberLoose(value);
      if (number === undefined) throw conversionError(name, value, 'a number');
      return number;
    }
    case 'boolean': {
      const word = value.trim().toLocaleLowerCase('pt-BR');
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw conversionError(name, value, 'yes/no (true, false, sim, não, 1, 0)');
    }
    case 'json':
      try {
        return JSON.parse(value) as JsonValue;
      } catch (error) {
        throw conversionError(name, value, 'valid JSON', error);
      }
  }
}

function conversionError(name: string, value: string, expected: string, cause?: unknown): NodeConfigError {
  const shown = value.length > 100 ? `${value.slice(0, 100)}…` : value;
  return new NodeConfigError(`Variable "${name}": "${shown}" is not ${expected}.`, 'VARIABLE_CONVERSION', { cause });
}
