export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A wall-clock reading of an instant in some time zone. */
export type LocalDateTime = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 00:00 to 23:59 */
  time: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-US gives English weekday names to map; h23 avoids "24:05" for the first hour of a day.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The last reading per zone: every conversation asks within the same minute, and Intl is slow. */
const lastReadings = new Map<string, { minute: number; reading: Readonly<LocalDateTime> }>();

/** The local date, time and weekday of `instant` in `timeZone` (DST included, via Intl). */
export function localDateTime(instant: Date, timeZone: string): Readonly<LocalDateTime> {
  // Zone offsets are whole minutes, so one reading holds for the whole UTC minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastReadings.get(timeZone);
  if (last?.minute === minute) return last.reading;
  const reading = Object.freeze(readLocalDateTime(instant, timeZone));
  lastReadings.set(timeZone, { minute, reading });
  return reading;
}

function readLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const weekday = (parts.weekday ?? '').toLowerCase() as Weekday;
  const time = `${parts.hour}:${parts.minute}`;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time, weekday, minutes: toMinutes(time) };
}

/** "HH:MM" (up to "24:00") as minutes since midnight. */
export function toMinutes(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** Whether "YYYY-MM-DD" names a real calendar day (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
