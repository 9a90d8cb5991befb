import { normalizePhone, normalizeText, parseNumberLoose } from '..';

describe('normalizeText', () => {
  it.each([
    ['  Preço  ', 'preco'],
    ['AÇÃO   rápida', 'acao rapida'],
    ['Olá', 'ola'],
  ])('%j → %j', (input, expected) => expect(normalizeText(input)).toBe(expected));

  it('keeps case or accents when asked', () => {
    expect(normalizeText('Preço', { ignoreCase: false })).toBe('Preco');
    expect(normalizeText('Preço', { ignoreAccents: false })).toBe('preço');
  });
});

describe('parseNumberLoose', () => {
  it.each<[unknown, number | undefined]>([
    ['12', 12], ['12.5', 12.5], ['12,5', 12.5], ['1.234,56', 1234.56], ['1,234.56', 1234.56], ['R$ 1.234,56', 1234.56],
    ['-3', -3], [' 7 ', 7], ['1.234', 1234], ['1.234.567', 1234567], ['0.123', 0.123], ['1,5', 1.5], [42, 42],
    ['abc', undefined], ['', undefined], ['12a', undefined], ['1.2.3', undefined], [null, undefined], [Number.NaN, undefined],
  ])('%j → %j', (input, expected) => expect(parseNumberLoose(input)).toBe(expected));
});

describe('normalizePhone', () => {
  it.each<[string, string | undefined]>([
    ['(11) 99999-0001', '5511999990001'],
    ['11 99999-0001', '5511999990001'],
    ['+55 11 99999-0001', '5511999990001'],
    ['+55 31 9999-0006', '5531999990006'], // legacy 8-digit mobile gains the ninth digit
    ['553199990006', '5531999990006'],
    ['(11) 3333-4444', '551133334444'], // landlines keep 8 digits
    ['011 99999-0001', '5511999990001'],
    ['+1 (415) 555-0100', '14155550100'],
    ['0055 11 99999 0001', '5511999990001'],
    ['12345', undefined],
    ['(00) 99999-0001', undefined],
    ['meu número', undefined],
  ])('%j → %j', (input, expected) => expect(normalizePhone(input)).toBe(expected));
});
