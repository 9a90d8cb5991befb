import { messageTriggerType } from '../testFixtures';
import { defaultConfigFromSchema } from './defaultConfig';

describe('defaultConfigFromSchema', () => {
  it('takes every top-level default and leaves fields without one out', () => {
    expect(defaultConfigFromSchema(messageTriggerType.configSchema)).toEqual({ mode: 'any', keywords: [], ignoreCase: true, priority: 0 });
  });

  it('copies defaults, so that two new nodes never share an array', () => {
    const first = defaultConfigFromSchema(messageTriggerType.configSchema);
    const second = defaultConfigFromSchema(messageTriggerType.configSchema);
    (first.keywords as string[]).push('oi');
    expect(second.keywords).toEqual([]);
  });

  it('keeps falsy defaults (false, 0, empty text) and gives {} without properties', () => {
    expect(defaultConfigFromSchema({ properties: { on: { default: false }, n: { default: 0 }, s: { default: '' } } })).toEqual({ on: false, n: 0, s: '' });
    expect(defaultConfigFromSchema({ type: 'object' })).toEqual({});
    expect(defaultConfigFromSchema(undefined)).toEqual({});
  });
});
