import { canonicalPhone, legacyBrazilianId } from './phone';

describe('canonicalPhone', () => {
  it.each([
    ['553199990006', '5531999990006'], // legacy WhatsApp id of a Brazilian mobile: the ninth digit comes back
    ['5531999990006', '5531999990006'],
    ['+55 (11) 9 9999-0001', '5511999990001'],
    ['whatsapp:+5511999990001', '5511999990001'],
    ['5511999990001@s.whatsapp.net', '5511999990001'],
    ['551133334444', '551133334444'], // a landline (first digit 2–5) has no ninth digit
    ['14155550100', '14155550100'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPhone(input)).toBe(expected);
  });

  it.each([[''], ['abc'], ['123'], [undefined], ['1234567890123456']])('%p is not a phone number', (input) => {
    expect(canonicalPhone(input)).toBeUndefined();
  });

  it('gives the legacy id of a nine-digit Brazilian mobile, and none for other numbers', () => {
    expect(legacyBrazilianId('5531999990006')).toBe('553199990006');
    expect(legacyBrazilianId('551133334444')).toBeUndefined();
    expect(legacyBrazilianId('14155550100')).toBeUndefined();
  });
});
