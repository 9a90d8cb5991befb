import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS, resolveJobOptions, retryDelayMs } from './job-options';

describe('job options', () => {
  it('defaults to 5 attempts, 500 ms back-off, no delay, no key', () => {
    expect(resolveJobOptions()).toEqual({ key: undefined, delayMs: 0, attempts: DEFAULT_ATTEMPTS, backoffMs: DEFAULT_BACKOFF_MS });
    expect([DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS]).toEqual([5, 500]);
  });

  it.each([{ attempts: 0 }, { attempts: 1.5 }, { delayMs: -1 }, { delayMs: Number.NaN }, { backoffMs: Infinity }, { key: '' }])(
    'rejects %o', (options) => expect(() => resolveJobOptions(options)).toThrow(RangeError),
  );

  it('waits base * 2^(n-1) before retry n, capped at 60 s', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(500, n))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(retryDelayMs(500, 30)).toBe(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBe(60_000);
  });
});
