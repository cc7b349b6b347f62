import { HealthRegistry } from './health-registry';

describe('HealthRegistry', () => {
  it('is ready when every check answers', async () => {
    const registry = new HealthRegistry();
    registry.register('store', async () => undefined);
    registry.register({ name: 'bus', check: async () => undefined });

    await expect(registry.readiness()).resolves.toEqual({ status: 'ready', checks: { store: { status: 'up' }, bus: { status: 'up' } } });
  });

  it('is not ready when a check fails, and says why', async () => {
    const registry = new HealthRegistry();
    registry.register('store', async () => undefined);
    registry.register('readDb', () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));

    await expect(registry.readiness()).resolves.toEqual({
      status: 'not ready',
      checks: { store: { status: 'up' }, readDb: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:5432' } },
    });
  });

  describe('with a check that hangs', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('gives up on it when its timeout is up, not before', async () => {
      const registry = new HealthRegistry(50);
      registry.register('bus', () => new Promise(() => undefined));
      let answer: unknown;
      void registry.readiness().then((result) => (answer = result));

      await jest.advanceTimersByTimeAsync(49);
      expect(answer).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(answer).toEqual({ status: 'not ready', checks: { bus: { status: 'down', error: 'no answer within 50 ms' } } });
    });
  });

  it('leaves an informational dependency (the bus) out of readiness, and reports it among the dependencies', async () => {
    const registry = new HealthRegistry();
    const seen: [string, boolean][] = [];
    registry.onChecked = (name, up) => seen.push([name, up]);
    registry.register('store', async () => undefined);
    registry.register({ name: 'bus', informational: true, check: () => Promise.reject(new Error('Connection error: ECONNREFUSED')) });

    await expect(registry.readiness()).resolves.toEqual({ status: 'ready', checks: { store: { status: 'up' } } });
    await expect(registry.dependencies()).resolves.toEqual({ bus: { status: 'down', error: 'Connection error: ECONNREFUSED' } });
    expect(seen).toEqual([
      ['store', true],
      ['bus', false],
    ]);
  });

  it('refuses two checks of one name', () => {
    const registry = new HealthRegistry();
    registry.register('store', async () => undefined);

    expect(() => registry.register('store', async () => undefined)).toThrow('A health check named "store" is registered already');
  });

  it('closes what the indicators hold at shutdown', async () => {
    const registry = new HealthRegistry();
    const close = jest.fn(async () => undefined);
    registry.register({ name: 'bus', check: async () => undefined, close });

    await registry.onApplicationShutdown();

    expect(close).toHaveBeenCalledTimes(1);
  });
});
