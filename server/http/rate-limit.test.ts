import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the seconds until the next token, then refills', () => {
    let now = 0;
    const limiter = new RateLimiter({ ballot: { burst: 3, perMinute: 6 } }, () => now);
    expect([1, 2, 3].map(() => limiter.take('ballot', '10.0.0.1'))).toEqual([0, 0, 0]);
    expect(limiter.take('ballot', '10.0.0.1')).toBe(10);
    expect(limiter.take('ballot', '10.0.0.2')).toBe(0);
    now += 10_000;
    expect(limiter.take('ballot', '10.0.0.1')).toBe(0);
    expect(limiter.take('unknown-class', 'x')).toBe(0);
  });

  it('throws a rate_limited HttpError carrying Retry-After', () => {
    const limiter = new RateLimiter({ write: { burst: 1, perMinute: 1 } }, () => 0);
    limiter.enforce('write', 'a');
    try {
      limiter.enforce('write', 'a');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).code).toBe('rate_limited');
      expect((error as HttpError).extra.headers?.['Retry-After']).toBe('60');
    }
  });

  it('keeps memory bounded under an address scan', () => {
    let now = 0;
    const limiter = new RateLimiter({ read: { burst: 2, perMinute: 60 } }, () => now, 1000);
    for (let i = 0; i < 5000; i++) {
      now += 1;
      limiter.take('read', `ip${i}`);
    }
    expect(limiter.size).toBeLessThanOrEqual(1000);
  });
});
