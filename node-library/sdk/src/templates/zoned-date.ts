/**
 * Variables hold calendar dates as "YYYY-MM-DD" (an ask-question date answer, a CRM field).
 * JavaScript reads such a string as UTC midnight, which a tenant west of Greenwich would then see
 * as the day before. A date without a zone means that day on the tenant's wall clock instead.
 */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The instant a zone-less "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" names in `timeZone`, or undefined for any other value. */
export function zonedInstant(value: unknown, timeZone: string): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = LOCAL_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const wallClockAsUtc = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  // The zone's offset can change at that very instant (DST), so look it up a second time.
  let instant = wallClockAsUtc - offsetMs(wallClockAsUtc, timeZone);
  instant = wallClockAsUtc - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
    });
    offsetFormatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wallClock = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour, parts.minute, parts.second);
  return wallClock - (instant - (instant % 1000));
}
