import { compilePattern, MAX_PATTERN_INPUT, normalizeText, parseNumberLoose } from '@fluxo/node-sdk';
import type { TextCompareOptions } from '@fluxo/node-sdk';

export const conditionOperators = [
  'equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'matchesRegex',
  'greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'isEmpty', 'isNotEmpty', 'isOneOf',
] as const;

export type ConditionOperator = (typeof conditionOperators)[number];

export const OPERATORS_WITHOUT_RIGHT: readonly ConditionOperator[] = ['isEmpty', 'isNotEmpty'];

export const operatorLabels: Record<ConditionOperator, string> = {
  equals: 'é igual a', notEquals: 'é diferente de', contains: 'contém', notContains: 'não contém',
  startsWith: 'começa com', endsWith: 'termina com', matchesRegex: 'corresponde à expressão',
  greaterThan: 'é maior que', greaterOrEqual: 'é maior ou igual a', lessThan: 'é menor que',
  lessOrEqual: 'é menor ou igual a', isEmpty: 'está vazio', isNotEmpty: 'não está vazio', isOneOf: 'é um de',
};

/**
 * Compares two operands. Rendered templates arrive as strings, so numbers are compared as
 * numbers whenever both sides read as numbers ("10" > "9"), and text is compared without case
 * and accents unless the options say otherwise.
 */
export function compareValues(left: unknown, operator: ConditionOperator, right: unknown, options: TextCompareOptions = {}): boolean {
  switch (operator) {
    case 'isEmpty':
      return isEmpty(left);
    case 'isNotEmpty':
      return !isEmpty(left);
    case 'equals':
      return equals(left, right, options);
    case 'notEquals':
      return !equals(left, right, options);
    case 'contains':
      return text(left, options).includes(text(right, options));
    case 'notContains':
      return !text(left, options).includes(text(right, options));
    case 'startsWith':
      return text(left, options).startsWith(text(right, options));
    case 'endsWith':
      return text(left, options).endsWith(text(right, options));
    case 'matchesRegex': {
      const flags = options.ignoreCase === false ? 'u' : 'iu';
      return compilePattern(toText(right), flags).test(toText(left).slice(0, MAX_PATTERN_INPUT));
    }
    case 'greaterThan':
    case 'greaterOrEqual':
    case 'lessThan':
    case 'lessOrEqual':
      return ordered(left, operator, right);
    case 'isOneOf':
      return listOf(right).some((item) => equals(left, item, options));
  }
}

function equals(left: unknown, right: unknown, options: TextCompareOptions): boolean {
  const a = parseNumberLoose(left);
  const b = parseNumberLoose(right);
  if (a !== undefined && b !== undefined) return a === b;
  return text(left, options) === text(right, options);
}

function ordered(left: unknown, operator: ConditionOperator, right: unknown): boolean {
  const a = parseNumberLoose(left);
  const b = parseNumberLoose(right);
  let order: number;
  if (a !== undefined && b !== undefined) order = a - b;
  else if (isIsoDate(left) && isIsoDate(right)) order = Date.parse(toText(left)) - Date.parse(toText(right));
  else return false; // "abc" > 3 is neither true nor meaningful
  if (operator === 'greaterThan') return order > 0;
  if (operator === 'greaterOrEqual') return order >= 0;
  if (operator === 'lessThan') return order < 0;
  return order <= 0;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** A list operand: an array, a JSON array string, or comma/line separated text. */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const raw = toText(value).trim();
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: read it as separated text
    }
  }
  return raw.split(/[,\n;]/).map((item) => item.trim()).filter(Boolean);
}

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) && !Number.isNaN(Date.parse(value));
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function text(value: unknown, options: TextCompareOptions): string {
  return normalizeText(toText(value), options);
}
