import { etagOf, parseIfMatch, revisionMatches } from './flow-etag';

describe('If-Match', () => {
  it.each<[string | undefined, number, boolean | 'missing']>([
    [undefined, 3, 'missing'],
    ['', 3, 'missing'],
    ['"3"', 3, true],
    ['3', 3, true],
    ['W/"3"', 3, true],
    ['"1", "3"', 3, true],
    ['"2"', 3, false],
    ['"abc"', 3, false],
    ['*', 3, true],
  ])('%j against revision %d → %s', (header, revision, expected) => {
    const condition = parseIfMatch(header);
    if (expected === 'missing') expect(condition).toBeUndefined();
    else expect(revisionMatches(condition!, revision)).toBe(expected);
  });

  it('quotes the revision as the ETag', () => {
    expect(etagOf(12)).toBe('"12"');
  });
});
