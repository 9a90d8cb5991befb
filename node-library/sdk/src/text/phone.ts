/**
 * Phone numbers as E.164 digits without '+'. Brazilian mobiles get the ninth digit
 * (55 + DDD + 8 digits starting 6-9 → 55 + DDD + 9 + 8 digits), so a legacy WhatsApp id and the
 * number a customer types are the same contact (docs/channels.md §6.8).
 */
export function normalizePhone(input: string, defaultCountry = '55'): string | undefined {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // Already international.
  } else if (digits.startsWith('00') && digits.length >= 12) {
    digits = digits.slice(2);
  } else if (defaultCountry === '55') {
    digits = digits.replace(/^0(\d{2})/, '$1'); // trunk prefix "0 11 ..." and carrier codes are not kept
    if (digits.length === 10 || digits.length === 11) digits = `55${digits}`;
  } else if (digits.length <= 11) {
    digits = `${defaultCountry}${digits}`;
  }
  if (digits.startsWith('55')) return canonicalBrazilian(digits);
  return digits.length >= 8 && digits.length <= 15 ? digits : undefined;
}

function canonicalBrazilian(digits: string): string | undefined {
  const national = digits.slice(2);
  const ddd = national.slice(0, 2);
  if (!/^[1-9][1-9]$/.test(ddd)) return undefined;
  const subscriber = national.slice(2);
  if (subscriber.length === 9) return subscriber.startsWith('9') ? digits : undefined;
  if (subscriber.length === 8) {
    // 8-digit numbers starting 6-9 are legacy mobiles; 2-5 are landlines and stay as they are.
    return /^[6-9]/.test(subscriber) ? `55${ddd}9${subscriber}` : digits;
  }
  return undefined;
}
