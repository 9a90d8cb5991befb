import { validateField } from './validateField';

describe('validateField', () => {
  it('asks for required values and leaves empty optional ones alone', () => {
    expect(validateField({ type: 'string' }, '', true)).toEqual({ key: 'inspector.error.required' });
    expect(validateField({ type: 'string' }, undefined, true)).toEqual({ key: 'inspector.error.required' });
    expect(validateField({ type: 'string', minLength: 3 }, '', false)).toBeNull();
  });

  it('checks string length (in characters, not UTF-16 units) and pattern', () => {
    expect(validateField({ type: 'string', maxLength: 20 }, 'x'.repeat(21), false)).toEqual({ key: 'inspector.error.maxLength', params: { max: 20 } });
    expect(validateField({ type: 'string', maxLength: 2 }, '😀😀', false)).toBeNull();
    expect(validateField({ type: 'string', minLength: 2 }, 'a', false)).toEqual({ key: 'inspector.error.minLength', params: { min: 2 } });
    expect(validateField({ type: 'string', pattern: '^[a-z]+$' }, 'Abc', false)).toEqual({ key: 'inspector.error.pattern' });
    expect(validateField({ type: 'string', pattern: '^[a-z]+$' }, 'abc', false)).toBeNull();
  });

  it('does not break on a pattern this browser cannot compile', () => {
    expect(validateField({ type: 'string', pattern: '(?<' }, 'abc', false)).toBeNull();
  });

  it('checks numbers: integer, minimum, maximum and exclusive bounds', () => {
    expect(validateField({ type: 'integer' }, 1.5, false)).toEqual({ key: 'inspector.error.integer' });
    expect(validateField({ type: 'number', minimum: 0 }, -1, false)).toEqual({ key: 'inspector.error.minimum', params: { min: 0 } });
    expect(validateField({ type: 'number', maximum: 10 }, 11, false)).toEqual({ key: 'inspector.error.maximum', params: { max: 10 } });
    expect(validateField({ type: 'number', exclusiveMinimum: 0 }, 0, false)).toEqual({ key: 'inspector.error.exclusiveMinimum', params: { min: 0 } });
    expect(validateField({ type: 'number', exclusiveMaximum: 5 }, 5, false)).toEqual({ key: 'inspector.error.exclusiveMaximum', params: { max: 5 } });
    expect(validateField({ type: 'number', minimum: 0, maximum: 10 }, 10, false)).toBeNull();
  });

  it('checks list sizes and enum values', () => {
    expect(validateField({ type: 'array', minItems: 1 }, [], false)).toEqual({ key: 'inspector.error.minItems', params: { min: 1 } });
    expect(validateField({ type: 'array', maxItems: 1 }, ['a', 'b'], false)).toEqual({ key: 'inspector.error.maxItems', params: { max: 1 } });
    expect(validateField({ type: 'string', enum: ['a', 'b'] }, 'c', false)).toEqual({ key: 'inspector.error.enum' });
    expect(validateField({ type: 'string', enum: ['a', 'b'] }, 'b', false)).toBeNull();
  });
});
