import { sendMessageView, switchView } from '../testFixtures';
import { freshItemId, hasPortId, moveItem, newListItem, withProperty } from './configValue';
import { asObject } from './schema';

const itemsOf = (schema: Record<string, unknown>, name: string) => asObject(asObject(asObject(schema.properties as never)?.[name])?.items)!;

describe('withProperty', () => {
  it('removes an emptied optional field instead of saving ""', () => {
    expect(withProperty({ text: 'oi', footer: 'x' }, 'footer', '', false)).toEqual({ text: 'oi' });
    expect(withProperty({ text: 'oi' }, 'footer', undefined, false)).toEqual({ text: 'oi' });
  });

  it('keeps "" in a required field (the server reports it) and sets other values', () => {
    expect(withProperty({}, 'question', '', true)).toEqual({ question: '' });
    expect(withProperty({ a: 1 }, 'b', false, false)).toEqual({ a: 1, b: false });
  });
});

describe('moveItem', () => {
  it('moves one item and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('new list items', () => {
  it('knows which items name a port by their id pattern', () => {
    expect(hasPortId(itemsOf(sendMessageView.configSchema, 'buttons'))).toBe(true);
    expect(hasPortId({ type: 'object', properties: { name: { type: 'string' } } })).toBe(false);
  });

  it('numbers fresh ids like their siblings and never reuses one', () => {
    expect(freshItemId([])).toBe('opcao_1');
    expect(freshItemId([{ id: 'opcao_1' }])).toBe('opcao_2');
    expect(freshItemId([{ id: 'caso_1' }, { id: 'caso_3' }])).toBe('caso_4');
    expect(freshItemId([{ id: 'sim' }, { id: 'opcao_3' }])).toBe('opcao_4');
    expect(freshItemId([{ id: 'sim' }])).toBe('opcao_2');
  });

  it('starts objects with their defaults and a fresh port id, plain values empty', () => {
    expect(newListItem(itemsOf(sendMessageView.configSchema, 'buttons'), [{ id: 'opcao_1', title: 'Sim' }])).toEqual({ id: 'opcao_2' });
    expect(newListItem(itemsOf(switchView.configSchema, 'cases'), [])).toEqual({ id: 'opcao_1', operator: 'equals' });
    expect(newListItem({ type: 'string' }, [])).toBe('');
  });
});
