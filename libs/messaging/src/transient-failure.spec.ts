import { isTransientFailure } from './transient-failure';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a failure that is not the event’s fault', () => {
  it('is the database or the network being away, however deeply it is wrapped', () => {
    expect(isTransientFailure(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isTransientFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    // TypeORM's QueryFailedError keeps the driver's error; the server said it is shutting down (57P01).
    expect(
      isTransientFailure(
        Object.assign(new Error('query failed'), { driverError: withCode('terminating connection due to administrator command', '57P01') }),
      ),
    ).toBe(true);
    expect(isTransientFailure(new Error('handler failed', { cause: withCode('connection failure', '08006') }))).toBe(true);
    expect(isTransientFailure(new AggregateError([new Error('x'), withCode('reset', 'ECONNRESET')]))).toBe(true);
    expect(isTransientFailure(withCode('database is locked', 'SQLITE_BUSY'))).toBe(true);
  });

  it('is not a bug or a refusal: those keep their attempts and end in the dead-letter queue', () => {
    expect(isTransientFailure(new TypeError("Cannot read properties of undefined (reading 'caseId')"))).toBe(false);
    expect(isTransientFailure(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isTransientFailure(withCode('the case is closed', 'CASE.ALREADY_CLOSED'))).toBe(false);
    expect(isTransientFailure(undefined)).toBe(false);
    const cyclic: { message: string; cause?: unknown } = { message: 'loop' };
    cyclic.cause = cyclic;
    expect(isTransientFailure(cyclic)).toBe(false);
  });
});
