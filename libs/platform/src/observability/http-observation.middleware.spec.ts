import { EventEmitter } from 'node:events';
import { Registry } from 'prom-client';
import { HttpObservationMiddleware, UNMATCHED_ROUTE } from './http-observation.middleware';
import { PinoLogger } from './pino-logger';
import { PlatformMetrics } from './platform-metrics';
import { currentRequestContext } from './request-context';

class FakeResponse extends EventEmitter {
  statusCode = 200;
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
}

function observed() {
  const registry = new Registry();
  const metrics = new PlatformMetrics(registry);
  const lines: string[] = [];
  const logger = new PinoLogger({ service: 'probe', now: () => new Date('2026-03-01T09:00:00.000Z'), write: (line) => lines.push(line) });
  const middleware = new HttpObservationMiddleware(metrics, logger);
  const access = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.context === 'HttpAccess');
  const timed = async () =>
    (await registry.getSingleMetric('gongzhi_http_request_duration_seconds')!.get()).values.filter(
      (value) => (value as { metricName?: string }).metricName === 'gongzhi_http_request_duration_seconds_count',
    );
  return { middleware, access, timed };
}

describe('HttpObservationMiddleware', () => {
  it('echoes the caller’s correlation id and runs the request inside its context (the principal is read in e2e)', () => {
    const { middleware } = observed();
    const request = { method: 'GET', headers: { 'x-correlation-id': 'hotline-7' } };
    const response = new FakeResponse();
    let seen: string | undefined;

    middleware.use(request, response, () => {
      seen = currentRequestContext()?.correlationId;
    });

    expect(response.headers.get('x-correlation-id')).toBe('hotline-7');
    expect(seen).toBe('hotline-7');
    expect(currentRequestContext()).toBeUndefined();
  });

  it('times a finished request by its route template and writes one access line, however many times it ends', async () => {
    const { middleware, access, timed } = observed();
    const request: { method: string; headers: Record<string, string>; route?: { path: string } } = { method: 'POST', headers: {} };
    const response = new FakeResponse();
    middleware.use(request, response, () => undefined);
    request.route = { path: '/api/cases/:caseId/close' };
    response.statusCode = 201;

    response.emit('finish');
    response.emit('close');

    expect(access()).toEqual([
      expect.objectContaining({
        msg: 'POST /api/cases/:caseId/close 201',
        method: 'POST',
        route: '/api/cases/:caseId/close',
        status: 201,
        durationMs: expect.any(Number),
        correlationId: response.headers.get('x-correlation-id'),
      }),
    ]);
    expect(await timed()).toEqual([
      expect.objectContaining({ labels: { method: 'POST', route: '/api/cases/:caseId/close', status: '201' }, value: 1 }),
    ]);
  });

  it('logs a request whose client went away before its answer was finished, and leaves it out of the timings', async () => {
    const { middleware, access, timed } = observed();
    const response = new FakeResponse();
    middleware.use({ method: 'GET', headers: {} }, response, () => undefined);

    response.emit('close');

    expect(access()).toEqual([expect.objectContaining({ route: UNMATCHED_ROUTE, status: 200 })]);
    expect(await timed()).toEqual([]);
  });
});
