import { ManualClock } from '../spec-support/manual-clock';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('allows the limit within a minute, then says how long to wait until the oldest attempt ages out', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(3, clock);
    throttle.attempt('alice|10.0.0.1');
    clock.advance({ seconds: 20 });
    throttle.attempt('alice|10.0.0.1');
    throttle.attempt('alice|10.0.0.1');

    expect(throttle.attempt('alice|10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    clock.advance({ seconds: 40 });
    expect(throttle.attempt('alice|10.0.0.1')).toEqual({ allowed: true });
  });

  it('counts each username and address apart', () => {
    const throttle = new LoginThrottle(1, new ManualClock());
    throttle.attempt('alice|10.0.0.1');

    expect(throttle.attempt('alice|10.0.0.2')).toEqual({ allowed: true });
    expect(throttle.attempt('bob|10.0.0.1')).toEqual({ allowed: true });
    expect(throttle.attempt('alice|10.0.0.1')).toMatchObject({ allowed: false });
  });
});
