/**
 * Phone numbers as E.164 digits without '+' (channels.md §6.8). Brazilian mobiles are
 * canonicalised to the nine-digit form: WhatsApp still identifies some older accounts by the
 * legacy 12-digit id (55 + DDD + 8 digits), while the customer and the tenant write the 13-digit
 * number; both must be one contact.
 */
export function canonicalPhone(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  const digits = input.replace(/^whatsapp:/i, '').replace(/@.*$/, '').replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return undefined;
  if (digits.startsWith('55') && digits.length === 12 && /[6-9]/.test(digits[4]!)) {
    return `55${digits.slice(2, 4)}9${digits.slice(4)}`;
  }
  return digits;
}

/** The legacy Brazilian id for a canonical 13-digit mobile (kept as an alias), else undefined. */
export function legacyBrazilianId(canonical: string): string | undefined {
  if (canonical.startsWith('55') && canonical.length === 13 && canonical[4] === '9' && /[6-9]/.test(canonical[5]!)) {
    return `55${canonical.slice(2, 4)}${canonical.slice(5)}`;
  }
  return undefined;
}
