import { replyMessage, textMessage } from '@fluxo/node-sdk';
import type { InboundMessage } from '@fluxo/node-sdk';
import { matchChoice } from './match-choice';
import type { ChoiceMatchedBy } from './match-choice';

const options = ['Confirmar', 'Remarcar', 'Cancelar', 'Falar com atendente', 'Horários', 'Endereço', 'Preços', 'Convênios', 'Exames', 'Outros']
  .map((title, index) => ({ id: `op${index + 1}`, title }));
const three = options.slice(0, 3);

describe('matchChoice', () => {
  it.each<[string, string, ChoiceMatchedBy]>([
    ['1', 'op1', 'number'],
    ['2.', 'op2', 'number'],
    ['3)', 'op3', 'number'],
    [' 10 ', 'op10', 'number'],
    ['1️⃣', 'op1', 'number'],
    ['4\u20E3', 'op4', 'number'], // keycap without the variation selector
    ['🔟', 'op10', 'number'],
    ['um', 'op1', 'word'],
    ['Uma', 'op1', 'word'],
    ['dois', 'op2', 'word'],
    ['duas', 'op2', 'word'],
    ['três', 'op3', 'word'],
    ['tres', 'op3', 'word'],
    ['quatro', 'op4', 'word'],
    ['cinco', 'op5', 'word'],
    ['seis', 'op6', 'word'],
    ['sete', 'op7', 'word'],
    ['OITO!', 'op8', 'word'],
    ['nove', 'op9', 'word'],
    ['dez', 'op10', 'word'],
    ['cancelar', 'op3', 'title'],
    ['HORARIOS', 'op5', 'title'],
    ['endereço', 'op6', 'title'],
    ['  falar   com atendente ', 'op4', 'title'],
    ['Confirmar!', 'op1', 'title'],
  ])('text %j picks %s by %s', (text, id, by) => {
    expect(matchChoice(textMessage(text), options)).toMatchObject({ id, by });
  });

  it('prefers the id a button reply carries over its text', () => {
    expect(matchChoice(replyMessage('op2', 'Cancelar'), three)).toEqual({ id: 'op2', title: 'Remarcar', by: 'id' });
  });

  it('falls back to the title when a reply carries an id the menu does not have (an older menu)', () => {
    expect(matchChoice(replyMessage('old-id', 'Cancelar'), three)).toMatchObject({ id: 'op3', by: 'title' });
  });

  it('reads a position before a title, as numbered-text channels do', () => {
    const numeric = [{ id: 'a', title: '2' }, { id: 'b', title: '1' }];
    expect(matchChoice(textMessage('1'), numeric)).toMatchObject({ id: 'a', by: 'number' });
  });

  it('falls back to the title when the number is beyond the options', () => {
    const years = [{ id: 'y1', title: '2025' }, { id: 'y2', title: '2026' }];
    expect(matchChoice(textMessage('2026'), years)).toMatchObject({ id: 'y2', by: 'title' });
  });

  it.each<[string, InboundMessage | undefined]>([
    ['a number beyond the options', textMessage('4')],
    ['zero', textMessage('0')],
    ['a word beyond the options', textMessage('quatro')],
    ['a number inside a sentence', textMessage('quero a 1')],
    ['a partial title', textMessage('cancel')],
    ['other text', textMessage('não sei')],
    ['a sticker', { id: 'm', type: 'sticker', timestamp: '2026-05-13T12:00:00Z' }],
    ['a photo captioned with a title', { id: 'm', type: 'image', text: 'Cancelar', timestamp: '2026-05-13T12:00:00Z' }],
    ['no message', undefined],
  ])('matches nothing for %s', (_name, message) => {
    expect(matchChoice(message, three)).toBeUndefined();
  });

  it('compares titles with accents and case folded on both sides', () => {
    expect(matchChoice(textMessage('PRECOS'), options)).toMatchObject({ id: 'op7' });
  });
});
