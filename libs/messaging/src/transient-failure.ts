/**
 * Whether a consumer's failure says nothing about the event: the database or the network was away (a
 * restart, a failover, a dropped connection), or the database was busy. Such an event is retried until the
 * infrastructure is back, never dead-lettered: dead-lettering it would take it out of the read model for
 * good over an outage that ends by itself.
 */
export function isTransientFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, driverError, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      driverError?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
    pending.push(cause, driverError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

const TRANSIENT_CODES = new Set([
  // The network, as Node reports it.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: class 08 (connection exception, matched by prefix), shutting down, starting up, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: another connection holds the lock past the busy timeout.
  'SQLITE_BUSY',
]);

/** What node-postgres and its pool say when the server goes away, without a code. */
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (starting up|shutting down|in recovery mode)/i;
