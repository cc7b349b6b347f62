import { eventuallyPasses, eventuallyReturns } from './eventually-passes';

describe('polling a read model that follows a moment later', () => {
  it('returns the first value that satisfies the condition', async () => {
    let reads = 0;

    await expect(eventuallyReturns(async () => ++reads, (count) => count === 3, 5_000, 1)).resolves.toBe(3);
  });

  it('fails naming the last value when the condition never holds', async () => {
    await expect(eventuallyReturns(async () => ({ balance: 40 }), (b) => b.balance === 45, 10, 1)).rejects.toThrow('still not there: { balance: 40 }');
  });

  it('fails with the check’s own error when it never passes', async () => {
    await expect(
      eventuallyPasses(async () => expect('Reported').toBe('Closed'), 10, 1),
    ).rejects.toThrow(/Expected: "Closed"/);
  });
});
