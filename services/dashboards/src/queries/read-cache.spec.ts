import { ReadCache } from './read-cache';

describe('ReadCache: dashboard reads kept until a projector commits', () => {
  const at = Date.parse('2026-03-02T09:00:00+08:00');

  function counting() {
    let computed = 0;
    return { compute: async () => ++computed, count: () => computed };
  }

  it('serves the kept read and shares one computation between readers asking at once', async () => {
    const cache = new ReadCache(() => at);
    const figures = counting();
    const [a, b] = await Promise.all([cache.read('overview', figures.compute), cache.read('overview', figures.compute)]);
    expect(await cache.read('overview', figures.compute)).toBe(1);
    expect([a, b, figures.count()]).toEqual([1, 1, 1]);
  });

  it('reads again after a committed batch, so no reader sees figures from before it', async () => {
    const cache = new ReadCache(() => at);
    const figures = counting();
    await cache.read('overview', figures.compute);
    cache.invalidate();
    expect(await cache.read('overview', figures.compute)).toBe(2);
  });

  it('reads again once the kept read is older than its age, since cases turn overdue without events', async () => {
    let now = at;
    const cache = new ReadCache(() => now, 1_000);
    const figures = counting();
    await cache.read('overview', figures.compute);
    now += 999;
    expect(await cache.read('overview', figures.compute)).toBe(1);
    now += 1;
    expect(await cache.read('overview', figures.compute)).toBe(2);
  });

  it('keeps different queries apart and forgets a failed read', async () => {
    const cache = new ReadCache(() => at);
    const figures = counting();
    await cache.read('cases/sla {"groupBy":"grid"}', figures.compute);
    expect(await cache.read('cases/sla {"groupBy":"street"}', figures.compute)).toBe(2);
    await expect(cache.read('overview', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await cache.read('overview', figures.compute)).toBe(3);
  });

  it('never holds more than its bound of distinct queries', async () => {
    const cache = new ReadCache(() => at, 1_000, 2);
    const figures = counting();
    await cache.read('a', figures.compute);
    await cache.read('b', figures.compute);
    await cache.read('c', figures.compute);
    expect(await cache.read('a', figures.compute)).toBe(4);
  });

  it('keeps a read serialised with a tag that changes only when the figures do', async () => {
    const cache = new ReadCache(() => at);
    let open = 3;
    let computed = 0;
    const figures = async () => ({ computed: ++computed > 0, openCasesNow: open });
    const first = await cache.readJson('overview', figures);
    expect(JSON.parse(first.bytes.toString('utf8'))).toEqual({ computed: true, openCasesNow: 3 });
    expect(await cache.readJson('overview', figures)).toBe(first);
    cache.invalidate();
    expect((await cache.readJson('overview', figures)).etag).toBe(first.etag);
    open = 4;
    cache.invalidate();
    const moved = await cache.readJson('overview', figures);
    expect([moved.etag === first.etag, JSON.parse(moved.bytes.toString('utf8')).openCasesNow, computed]).toEqual([false, 4, 3]);
  });
});
