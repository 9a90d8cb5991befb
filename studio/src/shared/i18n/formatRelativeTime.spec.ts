import { formatRelativeTime } from './formatRelativeTime';

const now = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it.each([
    [ago(20), 'agora'],
    [ago(-30), 'agora'],
    [ago(5 * 60), 'há 5 minutos'],
    [ago(3 * 3600), 'há 3 horas'],
    [ago(26 * 3600), 'ontem'],
    [ago(9 * 24 * 3600), 'semana passada'],
    [ago(400 * 24 * 3600), 'ano passado'],
  ])('says %s in pt-BR as "%s"', (iso, expected) => {
    expect(formatRelativeTime(iso, now, 'pt-BR')).toBe(expected);
  });

  it('speaks English too', () => {
    expect(formatRelativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
  });
});
