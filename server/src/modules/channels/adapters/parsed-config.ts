/**
 * A channel's decrypted config stays one object for as long as the channel cache keeps the channel
 * (channels.service.ts), and every webhook and every send parses it: each object is parsed once.
 * The result is frozen, since all uses share it. A config that fails to parse is not remembered:
 * each use fails with the same error.
 */
export function parsedOncePerConfig<I, T extends object>(parse: (config: I) => T): (config: I) => T {
  const parsed = new WeakMap<object, T>();
  return (config) => {
    if (typeof config !== 'object' || config === null) return parse(config);
    const known = parsed.get(config);
    if (known) return known;
    const value = Object.freeze(parse(config));
    parsed.set(config, value);
    return value;
  };
}
