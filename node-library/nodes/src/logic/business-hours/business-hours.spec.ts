import { resolvePorts, runNode } from '@fluxo/node-sdk';
import { businessHours } from './business-hours.node';

type Interval = { day: string; open: string; close: string };

const weekdays = (open: string, close: string): Interval[] => ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, open, close }));

const run = (now: string, config: Record<string, unknown> = {}, timeZone?: string) =>
  runNode(businessHours, { config: config as never, now, ...(timeZone ? { timeZone } : {}) });

describe('fluxo.businessHours', () => {
  it('declares the open and closed ports', () => {
    expect(resolvePorts(businessHours, businessHours.config.parse({})).map((p) => p.id)).toEqual(['open', 'closed']);
  });

  describe('in São Paulo (UTC-3, no DST), Monday to Friday 09:00-18:00 by default', () => {
    it.each([
      ['2026-05-15T11:59:00Z', 'closed', '2026-05-15T08:59'],
      ['2026-05-15T12:00:00Z', 'open', '2026-05-15T09:00'],
      ['2026-05-15T20:59:59Z', 'open', '2026-05-15T17:59'],
      ['2026-05-15T21:00:00Z', 'closed', '2026-05-15T18:00'],
    ])('Friday %s → %s', async (now, port, localTime) => {
      const result = await run(now, { timeZone: 'America/Sao_Paulo' });
      expect(result.port).toBe(port);
      expect(result.outputs).toEqual({ open: port === 'open', localTime, weekday: 'fri' });
    });

    it('is closed on the weekend', async () => {
      const result = await run('2026-05-16T13:00:00Z');
      expect(result.port).toBe('closed');
      expect(result.outputs).toMatchObject({ weekday: 'sat', localTime: '2026-05-16T10:00' });
    });
  });

  it('reads the weekday and date in the local zone, not in UTC', async () => {
    // Saturday 01:30 UTC is still Friday 22:30 in São Paulo.
    const evening = [{ day: 'fri', open: '20:00', close: '24:00' }];
    const result = await run('2026-05-16T01:30:00Z', { timeZone: 'America/Sao_Paulo', schedule: evening, holidays: ['2026-05-16'] });
    expect(result.port).toBe('open');
    expect(result.outputs).toEqual({ open: true, localTime: '2026-05-15T22:30', weekday: 'fri' });
    // Friday 20:00 UTC is already Saturday 05:00 in Tokyo.
    const tokyo = await run('2026-05-15T20:00:00Z', { timeZone: 'Asia/Tokyo', schedule: weekdays('00:00', '24:00') });
    expect(tokyo.port).toBe('closed');
    expect(tokyo.outputs).toEqual({ open: false, localTime: '2026-05-16T05:00', weekday: 'sat' });
  });

  it('closes all day on a holiday, a date in the local zone', async () => {
    const holiday = await run('2026-05-15T13:00:00Z', { holidays: ['2026-05-15'] });
    expect(holiday.port).toBe('closed');
    expect(holiday.outputs).toMatchObject({ open: false, weekday: 'fri' });
    expect((await run('2026-05-15T13:00:00Z', { holidays: ['2026-05-14'] })).port).toBe('open');
  });

  it.each([
    ['2026-03-06T13:30:00Z', 'closed', '2026-03-06T08:30', 'fri'], // EST, UTC-5
    ['2026-03-06T14:30:00Z', 'open', '2026-03-06T09:30', 'fri'],
    ['2026-03-09T13:30:00Z', 'open', '2026-03-09T09:30', 'mon'], // EDT from 8 March, UTC-4
    ['2026-03-09T21:00:00Z', 'closed', '2026-03-09T17:00', 'mon'],
    ['2026-11-02T13:30:00Z', 'closed', '2026-11-02T08:30', 'mon'], // EST again from 1 November
  ])('follows daylight saving time in New York: %s → %s', async (now, port, localTime, weekday) => {
    const result = await run(now, { timeZone: 'America/New_York', schedule: weekdays('09:00', '17:00') });
    expect(result.outputs).toEqual({ open: port === 'open', localTime, weekday });
  });

  it.each([
    ['2026-05-15T03:29:00Z', 'closed'],
    ['2026-05-15T03:30:00Z', 'open'], // 09:00 at UTC+5:30
  ])('handles a half-hour zone without DST (Kolkata): %s → %s', async (now, port) => {
    expect((await run(now, { timeZone: 'Asia/Kolkata' })).port).toBe(port);
  });

  it("uses the tenant's time zone when none is set", async () => {
    // 12:00 UTC is 21:00 in Tokyo (closed) and 09:00 in São Paulo (open).
    expect((await run('2026-05-15T12:00:00Z', {}, 'Asia/Tokyo')).outputs).toMatchObject({ open: false, localTime: '2026-05-15T21:00' });
    expect((await run('2026-05-15T12:00:00Z', { timeZone: 'America/Sao_Paulo' }, 'Asia/Tokyo')).port).toBe('open');
  });

  it.each([
    ['2026-05-15T14:59:00Z', 'open'], // 11:59
    ['2026-05-15T15:00:00Z', 'closed'], // 12:00
    ['2026-05-15T15:59:00Z', 'closed'], // 12:59
    ['2026-05-15T16:00:00Z', 'open'], // 13:00
  ])('allows several intervals a day (lunch break): %s → %s', async (now, port) => {
    const schedule = [{ day: 'fri', open: '08:00', close: '12:00' }, { day: 'fri', open: '13:00', close: '18:00' }];
    expect((await run(now, { schedule })).port).toBe(port);
  });

  it('stays open until midnight with 24:00 and reads midnight as 00:00', async () => {
    const schedule = [{ day: 'fri', open: '00:00', close: '24:00' }];
    expect((await run('2026-05-16T02:59:00Z', { schedule })).outputs).toEqual({ open: true, localTime: '2026-05-15T23:59', weekday: 'fri' });
    expect((await run('2026-05-15T03:00:00Z', { schedule })).outputs).toEqual({ open: true, localTime: '2026-05-15T00:00', weekday: 'fri' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['closing before opening', { schedule: [{ day: 'mon', open: '18:00', close: '09:00' }] }],
    ['closing when opening', { schedule: [{ day: 'mon', open: '09:00', close: '09:00' }] }],
    ['closing after 24:00', { schedule: [{ day: 'mon', open: '09:00', close: '24:01' }] }],
    ['opening at 24:00', { schedule: [{ day: 'mon', open: '24:00', close: '24:00' }] }],
    ['an hour out of range', { schedule: [{ day: 'mon', open: '09:00', close: '25:00' }] }],
    ['a time without leading zero', { schedule: [{ day: 'mon', open: '9:00', close: '18:00' }] }],
    ['an unknown day', { schedule: [{ day: 'monday', open: '09:00', close: '18:00' }] }],
    ['an empty schedule', { schedule: [] }],
    ['a holiday that does not exist', { holidays: ['2026-02-30'] }],
    ['a holiday in another format', { holidays: ['15/05/2026'] }],
  ])('refuses a config with %s', async (_name, config) => {
    expect((await run('2026-05-15T13:00:00Z', config)).error?.kind).toBe('config');
  });
});
