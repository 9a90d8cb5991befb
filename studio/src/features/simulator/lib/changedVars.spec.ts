import { changedVarNames, formatValue } from './changedVars';

describe('changedVarNames', () => {
  it('names the added, changed and removed variables, comparing values deeply', () => {
    expect([...changedVarNames({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true })].sort()).toEqual(['b', 'c', 'd']);
  });

  it('counts every variable as changed on the first turn', () => {
    expect([...changedVarNames(null, { name: 'Ana' })]).toEqual(['name']);
  });
});

describe('formatValue', () => {
  it('shows strings as they are and the rest as JSON', () => {
    expect([formatValue('Ana'), formatValue(['pizza']), formatValue(null)]).toEqual(['Ana', '["pizza"]', 'null']);
  });
});
