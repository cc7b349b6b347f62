/** One readable line of a log entry, for a terminal: `09:00:00.000 INFO  [Context] message key=value correlationId=…`. */
export function prettyLine({
  time,
  level,
  service: _service,
  msg,
  context,
  correlationId,
  stack,
  err,
  ...fields
}: Record<string, unknown>): string {
  const clock = String(time).slice(11, 23);
  const parts = [clock, String(level).toUpperCase().padEnd(5), context ? `[${context}]` : undefined, msg];
  const tail = Object.entries({ ...fields, correlationId }).filter(([, value]) => value !== undefined);
  if (tail.length > 0)
    parts.push(
      tail
        .map(
          ([key, value]) =>
            `${key}=${typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value)}`,
        )
        .join(' '),
    );
  const trace = (err as { stack?: string } | undefined)?.stack ?? (typeof stack === 'string' ? stack : undefined);
  const line = parts.filter((part) => part !== undefined && part !== '').join(' ');
  // The one exception to one line per entry: a stack trace reads better as the stack it is.
  return trace ? `${line}\n${indent(trace)}` : line;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line.trimStart()}`)
    .join('\n');
}

/**
 * The line `prettyLine` makes of an access entry (`{time, level: 'info', context, method, route, status, durationMs,
 * correlationId, msg}`), made without the generic walk over its fields: one comes per request.
 */
export function prettyAccessLine(
  time: string,
  context: string,
  msg: string,
  entry: {
    readonly method: string;
    readonly route: string;
    readonly status: number;
    readonly durationMs: number;
    readonly correlationId: string | undefined;
  },
): string {
  const line = `${time.slice(11, 23)} INFO  [${context}] ${msg} method=${entry.method} route=${entry.route} status=${entry.status} durationMs=${entry.durationMs}`;
  return entry.correlationId === undefined ? line : `${line} correlationId=${entry.correlationId}`;
}
