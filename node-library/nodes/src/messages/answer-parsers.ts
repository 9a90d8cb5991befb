import { normalizePhone, normalizeText, parseNumberLoose } from '@fluxo/node-sdk';

/**
 * Turning what a customer typed into a typed answer. Pure functions, one per answer type:
 * the question node decides what to do with a refusal (re-prompt or give up).
 */

export type AnswerRefusal =
  | 'empty' | 'tooShort' | 'tooLong' | 'notANumber' | 'tooSmall' | 'tooLarge' | 'invalidEmail' | 'invalidPhone' | 'invalidDate';

export type AnswerParse<T> = { ok: true; value: T } | { ok: false; reason: AnswerRefusal };

const accept = <T>(value: T): AnswerParse<T> => ({ ok: true, value });
const refuse = (reason: AnswerRefusal): AnswerParse<never> => ({ ok: false, reason });

/** Free text, trimmed; lengths count characters as people see them (an emoji is one). */
export function parseTextAnswer(input: string, limits: { minLength?: number; maxLength?: number } = {}): AnswerParse<string> {
  const text = input.trim();
  if (!text) return refuse('empty');
  const length = [...text].length;
  if (limits.minLength !== undefined && length < limits.minLength) return refuse('tooShort');
  if (limits.maxLength !== undefined && length > limits.maxLength) return refuse('tooLong');
  return accept(text);
}

/** A number as Brazilians or English speakers write it ("12,5", "1.234,56", "R$ 30"), within inclusive bounds. */
export function parseNumberAnswer(input: string, bounds: { min?: number; max?: number } = {}): AnswerParse<number> {
  const value = parseNumberLoose(input);
  if (value === undefined) return refuse('notANumber');
  if (bounds.min !== undefined && value < bounds.min) return refuse('tooSmall');
  if (bounds.max !== undefined && value > bounds.max) return refuse('tooLarge');
  return accept(value);
}

/*
 * Deliberately plain: letters, digits and the usual symbols before the @, dot-separated labels
 * after it and a letters-only top-level domain. Each repeated part is anchored by a dot, so the
 * pattern cannot backtrack badly. Internationalised addresses are rare among customers.
 */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MAX_EMAIL_LENGTH = 254;

/** An e-mail address, lower-cased (addresses are matched case-insensitively everywhere in practice). */
export function parseEmailAnswer(input: string): AnswerParse<string> {
  // People end sentences with a full stop: "ana@exemplo.com."
  const email = input.trim().toLowerCase().replace(/\.$/, '');
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return refuse('invalidEmail');
  return accept(email);
}

/**
 * A phone number as E.164 digits without '+', Brazilian by default: "(11) 99999-0001",
 * "11 9999-0001" (a legacy mobile, which gains the ninth digit) and "+55 11 99999-0001" are all
 * 5511999990001, the form contacts are matched by (docs/channels.md §6.8).
 */
export function parsePhoneAnswer(input: string): AnswerParse<string> {
  const phone = normalizePhone(input);
  if (phone === undefined) return refuse('invalidPhone');
  // normalizePhone passes short digit runs through as they are ("99999-0001" → 999990001). A
  // number written without a country code is Brazilian here, and without its DDD it is not one.
  const international = /^\s*(\+|00)/.test(input);
  return international || phone.startsWith('55') ? accept(phone) : refuse('invalidPhone');
}

export type LocalDate = { year: number; month: number; day: number };

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date `instant` falls on in `timeZone` (a customer's "hoje" is their local day, not UTC's). */
export function localDate(instant: Date, timeZone: string): LocalDate {
  let format = dateFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const RELATIVE_DAYS: Readonly<Record<string, number>> = { hoje: 0, amanha: 1 };
/** 2026-05-13 */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 13/05/2026, 13-05-2026, 13.05.26, 13/05 (one separator throughout) */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * A calendar date as 'YYYY-MM-DD'. Day-first as Brazilians write it, ISO, or "hoje"/"amanhã"
 * relative to `now` in `timeZone`; without a year, the current local year. Impossible dates
 * (31/02, 29/02 outside leap years) are refused rather than rolled over into March.
 */
export function parseDateAnswer(input: string, clock: { now: Date; timeZone: string }): AnswerParse<string> {
  const text = input.trim();
  const today = localDate(clock.now, clock.timeZone);
  const relative = RELATIVE_DAYS[normalizeText(text).replace(/[.!]+$/, '')];
  if (relative !== undefined) return accept(formatDate(addDays(today, relative)));

  const iso = ISO_DATE.exec(text);
  if (iso) return checkedDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const written = dayFirst[4];
    const year = written === undefined ? today.year : written.length === 2 ? 2000 + Number(written) : Number(written);
    return checkedDate(year, Number(dayFirst[3]), Number(dayFirst[1]));
  }
  return refuse('invalidDate');
}

function checkedDate(year: number, month: number, day: number): AnswerParse<string> {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return refuse('invalidDate');
  }
  return accept(formatDate({ year, month, day }));
}

/** Day 0 of the next month is the last day of this one. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function formatDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
