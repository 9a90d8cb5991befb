import { NodeConfigError } from '@fluxo/node-sdk';

/**
 * Config text after templates were rendered. A required text that comes out blank (a variable
 * that was never set) must not reach the customer as an empty bubble, so it fails as a config
 * error naming the field; optional texts that come out blank are simply left out.
 */
export function requiredText(value: string | undefined, what: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new NodeConfigError(`${what} is empty after filling in its variables.`, 'EMPTY_TEXT');
  return text;
}

/** `{ [key]: text }` when the text is not blank, else `{}`, ready to spread into a message. */
export function optionalText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const text = value?.trim();
  return text ? ({ [key]: text } as Record<K, string>) : {};
}
