import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit in a window, then says how long until the window ends', () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const limiter = new RateLimiter(60_000, () => now);
    for (let request = 0; request < 3; request++) expect(limiter.take(['reports|address|10.0.0.1'], 3)).toEqual({ allowed: true });
    now += 45_000;

    expect(limiter.take(['reports|address|10.0.0.1'], 3)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(limiter.take(['reports|address|10.0.0.1'], 3)).toEqual({ allowed: true });
  });

  it('refuses when any one key is full, and then counts the request against none', () => {
    const limiter = new RateLimiter(60_000, () => 0);
    limiter.take(['address|10.0.0.1', 'principal|alice'], 1);

    expect(limiter.take(['address|10.0.0.2', 'principal|alice'], 1)).toMatchObject({ allowed: false });
    expect(limiter.take(['address|10.0.0.2', 'principal|bob'], 1)).toEqual({ allowed: true });
  });
});
