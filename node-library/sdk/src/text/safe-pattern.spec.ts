import { compilePattern, hasNestedQuantifier, patternProblem } from './safe-pattern';

describe('hasNestedQuantifier', () => {
  it.each([
    '(a+)+',
    '(\\w*)*',
    '(a*)+$',
    '^(?:x+)*y',
    '(?<n>\\d+)+',
    '((a+)b)+',
    '(a|b+)*',
    '(a{1,3}){2,}',
    '(a+){2}',
    '(a+?)+?',
    '([a-z]+\\s?)+',
    '((a)+)+',
  ])('flags %s', (pattern) => expect(hasNestedQuantifier(pattern)).toBe(true));

  it.each([
    '^oi$',
    '^pedido (?<numero>\\d+)$',
    '(\\d{3}\\.)+',
    '(ab?)+',
    '(a+)?',
    '(a+)b+',
    '\\(a+\\)+',
    '[(a+)]+',
    '(?=a+)b',
    '(?<=x+)y',
    '\\p{L}+',
    'a{2,}',
    '(cpf|cnpj):\\s*\\d+',
  ])('allows %s', (pattern) => expect(hasNestedQuantifier(pattern)).toBe(false));
});

describe('patternProblem', () => {
  it.each<[string, RegExp]>([
    ['(a+)+', /repeats a group that itself repeats/],
    ['a'.repeat(201), /longer than 200/],
    ['(a)\\1', /Back-references/],
    ['(?<x>a)\\k<x>', /Back-references/],
    ['(', /not a valid regular expression/],
  ])('refuses %s', (pattern, message) => expect(patternProblem(pattern)).toMatch(message));

  it('accepts a plain pattern and an escaped backslash before a digit', () => {
    expect(patternProblem('^\\d{5}-\\d{3}$')).toBeNull();
    expect(patternProblem('\\\\1')).toBeNull();
  });
});

describe('compilePattern', () => {
  it('compiles once per pattern and flags', () => {
    expect(compilePattern('^oi$', 'iu')).toBe(compilePattern('^oi$', 'iu'));
    expect(compilePattern('^oi$', 'u')).not.toBe(compilePattern('^oi$', 'iu'));
    expect(compilePattern('^oi$', 'iu').test('OI')).toBe(true);
  });

  it('refuses an unsafe pattern', () => {
    expect(() => compilePattern('(a+)+')).toThrow(/repeats a group/);
  });
});

describe('patterns tenants write', () => {
  it.each(['(a+)+', '(\\w*)*', '(x|y+){2,}', '(.*a){3}', 'a'.repeat(201), '(a)\\1', '[unclosed'])('refuses %s', (pattern) => {
    expect(patternProblem(pattern)).not.toBeNull();
  });

  it.each(['^\\d{5}-?\\d{3}$', '^(oi|olá|ola)\\b', '[a-z]+@[a-z]+\\.com', '^(\\d{2})/(\\d{2})$'])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });
});
