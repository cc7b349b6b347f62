import { ManualClock } from '../spec-support/manual-clock';
import { LoginDelays } from './login-delays';

const settings = { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 900 };

describe('LoginDelays', () => {
  it('lets a few typos pass, then doubles the wait with every further failure, up to the maximum', () => {
    const clock = new ManualClock();
    const delays = new LoginDelays(settings, clock);
    const waits: number[] = [];
    for (let failure = 1; failure <= 15; failure++) {
      delays.recordFailure('demo-admin|203.0.113.9');
      waits.push(delays.waitSeconds('demo-admin|203.0.113.9'));
    }

    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it('counts down as the clock moves, and forgets the failures at a success', () => {
    const clock = new ManualClock();
    const delays = new LoginDelays(settings, clock);
    for (let failure = 1; failure <= 6; failure++) delays.recordFailure('alice|10.0.0.1');
    clock.advance({ seconds: 3 });

    expect(delays.waitSeconds('alice|10.0.0.1')).toBe(1);
    clock.advance({ seconds: 1 });
    expect(delays.waitSeconds('alice|10.0.0.1')).toBe(0);
    delays.recordSuccess('alice|10.0.0.1');
    delays.recordFailure('alice|10.0.0.1');
    expect(delays.waitSeconds('alice|10.0.0.1')).toBe(0);
  });

  it("never delays the owner's address for a stranger's failures", () => {
    const delays = new LoginDelays(settings, new ManualClock());
    for (let failure = 1; failure <= 10; failure++) delays.recordFailure('demo-admin|198.51.100.7');

    expect(delays.waitSeconds('demo-admin|198.51.100.7')).toBeGreaterThan(0);
    expect(delays.waitSeconds('demo-admin|10.0.0.1')).toBe(0);
  });
});
