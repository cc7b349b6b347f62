import { Logger } from '@nestjs/common';
import { PinoLogger, type PinoLoggerOptions } from './pino-logger';
import { runWithRequestContext } from './request-context';

const NOW = new Date('2026-03-01T09:00:00.000Z');

function capture(options: Partial<PinoLoggerOptions> = {}) {
  const lines: string[] = [];
  const logger = new PinoLogger({ service: 'grid-events', now: () => NOW, write: (line) => lines.push(line), ...options });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('PinoLogger', () => {
  it('writes one JSON object per line: time, level, service, message and context', () => {
    const { logger, lines, entries } = capture();

    logger.log('case dispatched', 'CaseDispatcher');

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()).toEqual([
      { time: '2026-03-01T09:00:00.000Z', level: 'info', service: 'grid-events', msg: 'case dispatched', context: 'CaseDispatcher' },
    ]);
  });

  it('carries the correlation id of the request in progress', () => {
    const { logger, entries } = capture();

    runWithRequestContext({ correlationId: 'corr-42' }, () => logger.warn('slow append'));
    logger.warn('outside any request');

    expect(entries().map((e) => e.correlationId)).toEqual(['corr-42', undefined]);
  });

  it("adds a plain object's fields and an error's type, message and stack, without letting them replace its own", () => {
    const { logger, entries } = capture();
    const error = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });

    logger.error({ msg: 'relay stopped', topic: 'grid-events', level: 'spoofed' }, error, 'KafkaRelay');

    expect(entries()[0]).toEqual({
      time: NOW.toISOString(),
      level: 'error',
      service: 'grid-events',
      msg: 'relay stopped',
      context: 'KafkaRelay',
      topic: 'grid-events',
      err: { type: 'Error', message: 'connection refused', code: 'ECONNREFUSED', stack: expect.stringContaining('connection refused') },
    });
  });

  it("takes Nest's Logger calls: the stack and the context after the message", () => {
    const { logger, entries } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('RouterExplorer').log('Mapped {/health, GET} route');
      new Logger('ProjectionRunner').error('projector failed', new Error('boom').stack);
    } finally {
      Logger.overrideLogger(true);
    }

    expect(entries()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'Mapped {/health, GET} route', context: 'RouterExplorer' }),
      expect.objectContaining({
        level: 'error',
        msg: 'projector failed',
        context: 'ProjectionRunner',
        stack: expect.stringMatching(/^Error: boom\n\s+at /),
      }),
    ]);
  });

  it('writes nothing below its level', () => {
    const { logger, entries } = capture({ level: 'warn' });

    logger.verbose('v');
    logger.debug('d');
    logger.log('i');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');

    expect(entries().map((e) => e.level)).toEqual(['warn', 'error', 'fatal']);
  });

  it('follows the levels Nest sets', () => {
    const { logger, entries } = capture();

    logger.setLogLevels(['error', 'debug']);
    logger.log('dropped');
    logger.debug('kept');
    logger.error('kept too');

    expect(entries().map((e) => e.level)).toEqual(['debug', 'error']);
  });

  it('survives a field that cannot be serialised as it is', () => {
    const { logger, entries } = capture();
    const cyclic: Record<string, unknown> = { id: 'case-1' };
    cyclic.self = cyclic;

    logger.log({ msg: 'odd fields', cyclic, total: 10n });

    expect(entries()[0]).toMatchObject({ cyclic: { id: 'case-1', self: '[Circular]' }, total: '10' });
  });

  describe('redaction', () => {
    it('writes tokens, passwords, secrets and Authorization headers as [REDACTED], at any depth, and leaves the object as it was', () => {
      const { logger, lines, entries } = capture();
      const request = {
        username: 'demo-resident',
        password: 'hunter2-hunter2',
        body: {
          accessToken: 'eyJhbGciOi.payload.signature',
          refresh_token: 'r-123',
          profile: { displayName: '王阿姨', newPassword: 'n3w-pa55' },
        },
        headers: { Authorization: 'Bearer eyJhbGciOi.payload.signature', cookie: 'session=abc', 'x-correlation-id': 'corr-1' },
        clients: [{ name: 'hotline', clientSecret: 'cs-42', apiKey: 'k-42' }],
        GONGZHI_BALLOT_SECRET: 'ballot-secret-0123456789-0123456789',
      };

      logger.log({ msg: 'login attempt', request }, 'AuthController');

      expect(entries()[0].request).toEqual({
        username: 'demo-resident',
        password: '[REDACTED]',
        body: { accessToken: '[REDACTED]', refresh_token: '[REDACTED]', profile: { displayName: '王阿姨', newPassword: '[REDACTED]' } },
        headers: { Authorization: '[REDACTED]', cookie: '[REDACTED]', 'x-correlation-id': 'corr-1' },
        clients: [{ name: 'hotline', clientSecret: '[REDACTED]', apiKey: '[REDACTED]' }],
        GONGZHI_BALLOT_SECRET: '[REDACTED]',
      });
      for (const secret of ['hunter2', 'eyJhbGciOi', 'r-123', 'n3w-pa55', 'session=abc', 'cs-42', 'k-42', 'ballot-secret-0123'])
        expect(lines[0]).not.toContain(secret);
      expect(request.password).toBe('hunter2-hunter2');
    });

    it('hides a bearer credential quoted in a message or an error', () => {
      const { logger, lines } = capture();

      logger.error('upstream refused Authorization: Bearer abc.def.ghi', new Error('GET /users failed with Bearer abc.def.ghi'), 'Gateway');

      expect(lines[0]).toContain('Bearer [REDACTED]');
      expect(lines[0]).not.toContain('abc.def.ghi');
    });
  });

  describe('pretty', () => {
    it('writes one readable line with the fields and the correlation id at the end', () => {
      const { logger, lines } = capture({ format: 'pretty' });

      runWithRequestContext({ correlationId: 'corr-7' }, () => logger.log({ msg: 'case dispatched', caseId: 'case-1' }, 'CaseDispatcher'));

      expect(lines).toEqual(['09:00:00.000 INFO  [CaseDispatcher] case dispatched caseId=case-1 correlationId=corr-7']);
    });

    it('redacts credentials as the JSON lines do, and writes times as they are', () => {
      const { logger, lines } = capture({ format: 'pretty' });

      logger.log({ msg: 'signed in with Bearer abc.def', password: 'hunter2', at: new Date('2026-03-02T01:00:00.000Z'), n: 3 }, 'Auth');
      logger.error('refused', new Error('upstream said Bearer abc.def.ghi'), 'Gateway');

      expect(lines[0]).toBe(
        '09:00:00.000 INFO  [Auth] signed in with Bearer [REDACTED] password=[REDACTED] at=2026-03-02T01:00:00.000Z n=3',
      );
      expect(lines[1]).toContain('Error: upstream said Bearer [REDACTED]');
      expect(lines.join('\n')).not.toMatch(/hunter2|abc\.def/);
    });

    it("puts an error's stack under its line", () => {
      const { logger, lines } = capture({ format: 'pretty' });

      logger.error('relay stopped', new Error('broker down'));

      const [first, ...stack] = lines[0].split('\n');
      expect(first).toBe('09:00:00.000 ERROR relay stopped');
      expect(stack[0]).toBe('    Error: broker down');
      expect(stack.length).toBeGreaterThan(1);
    });
  });

  describe('the access line', () => {
    const request = { method: 'GET', route: '/api/cases/:caseId', status: 200, durationMs: 1.25, correlationId: 'corr-9' };

    it('is written as the same entry logged with its fields would be, in both formats', () => {
      const json = capture();
      json.logger.access(request);
      json.logger.log({ msg: 'GET /api/cases/:caseId 200', ...request }, 'HttpAccess');
      const [access, logged] = json.entries();
      expect(access).toEqual({
        time: '2026-03-01T09:00:00.000Z',
        level: 'info',
        service: 'grid-events',
        msg: 'GET /api/cases/:caseId 200',
        context: 'HttpAccess',
        correlationId: 'corr-9',
        method: 'GET',
        route: '/api/cases/:caseId',
        status: 200,
        durationMs: 1.25,
      });
      expect(access).toEqual(logged);

      const pretty = capture({ format: 'pretty' });
      pretty.logger.access(request);
      expect(pretty.lines).toEqual([
        '09:00:00.000 INFO  [HttpAccess] GET /api/cases/:caseId 200 method=GET route=/api/cases/:caseId status=200 durationMs=1.25 correlationId=corr-9',
      ]);
    });

    it('reads in a terminal as the same entry logged with its fields does, with or without a correlation id', () => {
      for (const entry of [request, { ...request, status: 404, route: '(unmatched)', durationMs: 0.1, correlationId: undefined }]) {
        const pretty = capture({ format: 'pretty' });
        pretty.logger.access(entry);
        pretty.logger.log({ msg: `${entry.method} ${entry.route} ${entry.status}`, ...entry }, 'HttpAccess');
        expect(pretty.lines[0]).toBe(pretty.lines[1]);
      }
    });

    it('is left out when info lines are', () => {
      const { logger, lines } = capture({ level: 'warn' });
      logger.access(request);
      expect(lines).toEqual([]);
    });
  });
});
