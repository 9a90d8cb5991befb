import { localDate, parseDateAnswer, parseEmailAnswer, parseNumberAnswer, parsePhoneAnswer, parseTextAnswer } from './answer-parsers';
import type { AnswerParse } from './answer-parsers';

const valueOf = <T>(parsed: AnswerParse<T>): T | string => (parsed.ok ? parsed.value : `refused:${parsed.reason}`);

describe('parseTextAnswer', () => {
  it.each<[string, { minLength?: number; maxLength?: number }, string]>([
    ['  Ana Souza ', {}, 'Ana Souza'],
    ['', {}, 'refused:empty'],
    ['   ', {}, 'refused:empty'],
    ['ab', { minLength: 3 }, 'refused:tooShort'],
    ['abc', { minLength: 3 }, 'abc'],
    ['abcd', { maxLength: 3 }, 'refused:tooLong'],
    ['👍👍👍', { maxLength: 3 }, '👍👍👍'], // characters as people count them, not UTF-16 units
  ])('%j with %j → %j', (input, limits, expected) => expect(valueOf(parseTextAnswer(input, limits))).toBe(expected));
});

describe('parseNumberAnswer', () => {
  it.each<[string, { min?: number; max?: number }, number | string]>([
    ['42', {}, 42],
    ['12,5', {}, 12.5],
    ['1.234,56', {}, 1234.56],
    ['R$ 30', {}, 30],
    ['-3', {}, -3],
    ['quarenta', {}, 'refused:notANumber'],
    ['12a', {}, 'refused:notANumber'],
    ['0', { min: 1 }, 'refused:tooSmall'],
    ['1', { min: 1, max: 5 }, 1],
    ['5', { min: 1, max: 5 }, 5],
    ['5,5', { max: 5 }, 'refused:tooLarge'],
  ])('%j with %j → %j', (input, bounds, expected) => expect(valueOf(parseNumberAnswer(input, bounds))).toBe(expected));
});

describe('parseEmailAnswer', () => {
  it.each<[string, string]>([
    ['ana@exemplo.com', 'ana@exemplo.com'],
    ['  Ana.Souza+loja@Exemplo.COM.br ', 'ana.souza+loja@exemplo.com.br'],
    ['ana@exemplo.com.', 'ana@exemplo.com'],
    ['ana_s@sub-dominio.exemplo.io', 'ana_s@sub-dominio.exemplo.io'],
    ['ana@exemplo', 'refused:invalidEmail'],
    ['ana.exemplo.com', 'refused:invalidEmail'],
    ['ana@@exemplo.com', 'refused:invalidEmail'],
    ['ana @exemplo.com', 'refused:invalidEmail'],
    ['.ana@exemplo.com', 'refused:invalidEmail'],
    ['ana..s@exemplo.com', 'refused:invalidEmail'],
    ['ana@-exemplo.com', 'refused:invalidEmail'],
    ['ana@exemplo.c', 'refused:invalidEmail'],
    ['meu email é ana@exemplo.com', 'refused:invalidEmail'],
    [`${'a'.repeat(250)}@x.com`, 'refused:invalidEmail'],
  ])('%j → %j', (input, expected) => expect(valueOf(parseEmailAnswer(input))).toBe(expected));
});

describe('parsePhoneAnswer', () => {
  it.each<[string, string]>([
    ['(11) 99999-0001', '5511999990001'],
    ['11 99999-0001', '5511999990001'],
    ['+55 11 99999-0001', '5511999990001'],
    ['11 9999-0001', '5511999990001'], // legacy 8-digit mobile gains the ninth digit
    ['+55 (31) 9999-0006', '5531999990006'],
    ['5531999990006', '5531999990006'],
    ['(11) 3333-4444', '551133334444'], // a landline keeps 8 digits
    ['011 99999-0001', '5511999990001'],
    ['+1 (415) 555-0100', '14155550100'],
    ['99999-0001', 'refused:invalidPhone'], // no area code
    ['9999-0001', 'refused:invalidPhone'],
    ['+44 20 7946 0958', '442079460958'],
    ['(00) 99999-0001', 'refused:invalidPhone'],
    ['(11) 89999-0001', 'refused:invalidPhone'], // 9 digits not starting with 9
    ['meu número', 'refused:invalidPhone'],
  ])('%j → %j', (input, expected) => expect(valueOf(parsePhoneAnswer(input))).toBe(expected));
});

describe('parseDateAnswer', () => {
  const saoPaulo = { now: new Date('2026-05-13T12:00:00Z'), timeZone: 'America/Sao_Paulo' };

  it.each<[string, string]>([
    ['13/05/2026', '2026-05-13'],
    ['1/6/2026', '2026-06-01'],
    ['13/05', '2026-05-13'],
    ['13-05-2026', '2026-05-13'],
    ['13.05.2026', '2026-05-13'],
    ['13/05/27', '2027-05-13'],
    ['2026-05-13', '2026-05-13'],
    ['2026-5-3', '2026-05-03'],
    ['hoje', '2026-05-13'],
    ['Hoje!', '2026-05-13'],
    ['amanhã', '2026-05-14'],
    ['AMANHA', '2026-05-14'],
    ['29/02/2028', '2028-02-29'],
    ['31/02/2026', 'refused:invalidDate'],
    ['29/02/2026', 'refused:invalidDate'],
    ['31/04/2026', 'refused:invalidDate'],
    ['00/05/2026', 'refused:invalidDate'],
    ['13/13/2026', 'refused:invalidDate'],
    ['2026-02-30', 'refused:invalidDate'],
    ['13/05-2026', 'refused:invalidDate'],
    ['13/05/0026', 'refused:invalidDate'],
    ['ontem à noite', 'refused:invalidDate'],
    ['semana que vem', 'refused:invalidDate'],
  ])('%j → %j', (input, expected) => expect(valueOf(parseDateAnswer(input, saoPaulo))).toBe(expected));

  it('reads "hoje" and "amanhã" in the tenant time zone, not in UTC', () => {
    const lateEvening = new Date('2026-05-14T01:30:00Z'); // 22:30 on the 13th in São Paulo
    expect(valueOf(parseDateAnswer('hoje', { now: lateEvening, timeZone: 'America/Sao_Paulo' }))).toBe('2026-05-13');
    expect(valueOf(parseDateAnswer('amanhã', { now: lateEvening, timeZone: 'America/Sao_Paulo' }))).toBe('2026-05-14');
    expect(valueOf(parseDateAnswer('hoje', { now: lateEvening, timeZone: 'UTC' }))).toBe('2026-05-14');
  });

  it('rolls "amanhã" over the end of a month and a year', () => {
    expect(valueOf(parseDateAnswer('amanhã', { now: new Date('2026-12-31T15:00:00Z'), timeZone: 'America/Sao_Paulo' }))).toBe('2027-01-01');
    expect(valueOf(parseDateAnswer('amanha', { now: new Date('2028-02-28T15:00:00Z'), timeZone: 'America/Sao_Paulo' }))).toBe('2028-02-29');
  });

  it('takes the local year for a date without one', () => {
    const newYearUtc = new Date('2027-01-01T01:00:00Z'); // still 31 Dec 2026 in São Paulo
    expect(valueOf(parseDateAnswer('13/05', { now: newYearUtc, timeZone: 'America/Sao_Paulo' }))).toBe('2026-05-13');
    expect(localDate(newYearUtc, 'Asia/Tokyo')).toEqual({ year: 2027, month: 1, day: 1 });
  });
});
