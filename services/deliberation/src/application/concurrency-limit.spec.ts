import { ConcurrencyLimit } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  it('never runs more than its limit at once and runs everything', async () => {
    const limit = new ConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit
          .run(async () => {
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, 1));
            running--;
            if (i === 5) throw new Error('one fails');
            return i;
          })
          .catch(() => -1),
      ),
    );
    expect(peak).toBe(3);
    expect(results.filter((r) => r >= 0)).toHaveLength(19);
  });
});
