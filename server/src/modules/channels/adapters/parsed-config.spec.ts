import { parsedOncePerConfig } from './parsed-config';

describe('parsedOncePerConfig', () => {
  const counting = () => {
    const calls: unknown[] = [];
    const parse = parsedOncePerConfig((config: { token?: string } | undefined) => {
      calls.push(config);
      if (!config?.token) throw new Error('token is required');
      return { token: config.token.trim() };
    });
    return { calls, parse };
  };

  it('parses each config object once and shares the frozen result', () => {
    const { calls, parse } = counting();
    const config = { token: ' abc ' };
    const first = parse(config);
    expect(parse(config)).toBe(first);
    expect(first).toEqual({ token: 'abc' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(calls).toHaveLength(1);
    // Another object (a channel reloaded after an edit) is parsed afresh.
    expect(parse({ token: 'new' })).toEqual({ token: 'new' });
    expect(calls).toHaveLength(2);
  });

  it('does not remember a config that failed: every use fails the same way', () => {
    const { calls, parse } = counting();
    const broken = {};
    expect(() => parse(broken)).toThrow('token is required');
    expect(() => parse(broken)).toThrow('token is required');
    expect(calls).toHaveLength(2);
    expect(() => parse(undefined)).toThrow('token is required');
  });
});
