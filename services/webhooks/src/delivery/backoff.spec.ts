import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelaySeconds } from './backoff';

describe('the retry schedule', () => {
  it('doubles from 30 seconds after each failure, and gives up after the eighth attempt', () => {
    const schedule = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => nextAttemptDelaySeconds(i + 1));
    expect(schedule).toEqual([30, 60, 120, 240, 480, 960, 1920, null]);
  });

  it('waits about an hour in total before it dead-letters, so a receiver down for lunch still gets everything', () => {
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => nextAttemptDelaySeconds(i + 1)!).reduce((a, b) => a + b);
    expect(total).toBe(3810);
  });

  it('has no retry before a failure', () => {
    expect(() => nextAttemptDelaySeconds(0)).toThrow('A retry follows a failed attempt');
  });
});
