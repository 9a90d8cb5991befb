import { AppError } from '../errors/app-error';

/** A tenant's time zone must be an IANA name Node knows (dates in templates and business hours use it). */
export function assertTimeZone(timeZone: string | undefined): void {
  if (!timeZone) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new AppError('bad_request', 'INVALID_TIME_ZONE', `Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`);
  }
}
