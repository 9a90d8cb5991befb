/** Drops undefined properties, so payloads and events carry no `key: undefined` noise. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
