import { tailLog } from './subscribe-to-all';

/** An idle process must not poll its database many times a second (issue: ~245 polls/s from idle services). */
describe('tailing an idle log', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const logOf = () => {
    const items: { globalPosition: number }[] = [];
    let reads = 0;
    let listener: (() => void) | undefined;
    return {
      items,
      reads: () => reads,
      append() {
        items.push({ globalPosition: items.length + 1 });
        listener?.();
      },
      options: {
        after: 0,
        read: async (after: number) => {
          reads++;
          return items.filter((item) => item.globalPosition > after);
        },
        wakeOn: (wake: () => void) => {
          listener = wake;
          return () => (listener = undefined);
        },
      },
    };
  };

  it('backs off to the longest wait while nothing comes, so ten idle seconds cost a handful of reads', async () => {
    const log = logOf();
    const subscription = tailLog({ ...log.options, idleDelayMs: 20, maxIdleDelayMs: 1_000, onEvents: () => undefined });

    await jest.advanceTimersByTimeAsync(10_000);

    // 20, 40, … 640 ms, then once a second: 16 reads, where a fixed 20 ms wait would make 500.
    expect(log.reads()).toBeLessThanOrEqual(17);
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopping;
  });

  it('hands over an append at once however long it has been idle, and polls quickly again after it', async () => {
    const log = logOf();
    const seen: number[] = [];
    const subscription = tailLog({
      ...log.options,
      idleDelayMs: 20,
      maxIdleDelayMs: 1_000,
      onEvents: (items) => void seen.push(...items.map((i) => i.globalPosition)),
    });
    await jest.advanceTimersByTimeAsync(10_000);

    log.append();
    await jest.advanceTimersByTimeAsync(0);

    expect(seen).toEqual([1]);
    const readsAfterAppend = log.reads();
    await jest.advanceTimersByTimeAsync(100);
    expect(log.reads() - readsAfterAppend).toBeGreaterThanOrEqual(2); // 20 ms, then 40 ms: back to short waits
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopping;
  });
  it('with a linger, hands appends that come close together over as one batch, a linger after the first', async () => {
    const log = logOf();
    const batches: number[][] = [];
    const subscription = tailLog({
      ...log.options,
      idleDelayMs: 20,
      maxIdleDelayMs: 1_000,
      wakeLingerMs: 10,
      onEvents: (items) => void batches.push(items.map((i) => i.globalPosition)),
    });
    await jest.advanceTimersByTimeAsync(5_000);

    log.append();
    await jest.advanceTimersByTimeAsync(4);
    log.append();
    log.append();
    expect(batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(6);

    expect(batches).toEqual([[1, 2, 3]]);
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopping;
  });

  it('lingers longer while appends keep coming, up to its longest linger, and briefly again after a quiet spell', async () => {
    const log = logOf();
    const batches: number[][] = [];
    const subscription = tailLog({
      ...log.options,
      idleDelayMs: 20,
      maxIdleDelayMs: 1_000,
      wakeLingerMs: 10,
      maxWakeLingerMs: 80,
      onEvents: (items) => void batches.push(items.map((i) => i.globalPosition)),
    });
    await jest.advanceTimersByTimeAsync(5_000);

    // A busy second: an append every 2 ms.
    for (let ms = 0; ms < 1_000; ms += 2) {
      log.append();
      await jest.advanceTimersByTimeAsync(2);
    }
    await jest.advanceTimersByTimeAsync(200);

    // Lingers of 10, 20, 40 and then 80 ms: the second is applied in about a dozen transactions, not a hundred.
    expect(batches.flat()).toEqual(log.items.map((item) => item.globalPosition));
    expect(batches.length).toBeLessThanOrEqual(16);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThanOrEqual(35);

    // Quiet for a while, then one append: handed over after the short linger again.
    await jest.advanceTimersByTimeAsync(3_000);
    batches.length = 0;
    log.append();
    await jest.advanceTimersByTimeAsync(10);
    expect(batches).toEqual([[log.items.length]]);
    const stopping = subscription.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopping;
  });
});
