import type { LoggerService, LogLevel, OnApplicationShutdown } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogFormat, LogLevelName } from '../config/platform-config';
import { prettyAccessLine, prettyLine } from './pretty-line';
import { redacted, redactedText } from './redaction';
import { currentRequestContext } from './request-context';

export interface PinoLoggerOptions {
  /** The process's service name, on every line. */
  readonly service: string;
  /** The least severe level written; default `info`. */
  readonly level?: LogLevelName;
  /** `json`: one JSON object per line, for collectors; `pretty`: one readable line, for a terminal. */
  readonly format?: LogFormat;
  /**
   * Where each line goes, synchronously (tests capture lines with it). Default: standard output through an
   * asynchronous pino destination, flushed by `flush()` (the platform calls it at shutdown).
   */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

/** Nest's levels as pino's; `verbose` is pino's `trace`. */
const PINO_LEVEL: Readonly<Record<LogLevelName, pino.Level>> = {
  verbose: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
const NEST_LEVEL: Readonly<Record<LogLevel, LogLevelName>> = {
  verbose: 'verbose',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
const SEVERITY: readonly LogLevelName[] = ['verbose', 'debug', 'info', 'warn', 'error', 'fatal'];
/** Fields the logger owns; a caller's fields of the same name do not replace them. */
const OWN_FIELDS = new Set(['time', 'level', 'service', 'msg', 'context', 'correlationId']);
const STACK = /\n\s+at /;

/**
 * Nest's LoggerService over pino: one entry per line, `{time, level, service, msg, context, correlationId,
 * ...fields}`, where the correlation id is the current request's or message's, and tokens, passwords,
 * secrets and Authorization headers are written as `[REDACTED]` at any depth (see redaction.ts).
 *
 * Call it as Nest's `Logger` does: `logger.log('case dispatched', 'CaseDispatcher')`,
 * `logger.error('relay stopped', error.stack, 'KafkaRelay')`; a plain object among the arguments adds its
 * fields (`logger.log({ msg: 'case dispatched', caseId }, 'CaseDispatcher')`), an Error adds
 * `err: {type, message, stack}`.
 */
export class PinoLogger implements LoggerService, OnApplicationShutdown {
  private enabled: ReadonlySet<LogLevelName>;
  private readonly pino: Logger<'verbose'>;
  private readonly destination?: StandardOutput;
  private readonly writeLine: (text: string) => void;
  /** A terminal's line is made from the entry itself, not from pino's JSON of it parsed back (an access line per request). */
  private readonly pretty: boolean;

  constructor(private readonly options: PinoLoggerOptions) {
    this.enabled = levelsFrom(options.level ?? 'info');
    const format = options.format ?? 'json';
    const output = options.write ? undefined : standardOutput();
    this.destination = output;
    this.writeLine = (text: string) => (options.write ? options.write(text) : output!.write(`${text}\n`));
    this.pretty = format === 'pretty';
    const sink: DestinationStream = { write: (line: string) => this.writeLine(line.replace(/\n$/, '')) };
    const now = options.now;
    this.pino = pino(
      {
        level: PINO_LEVEL[options.level ?? 'info'],
        base: { service: options.service },
        messageKey: 'msg',
        timestamp: now ? () => `,"time":"${now().toISOString()}"` : pino.stdTimeFunctions.isoTime,
        formatters: {
          level: (label) => ({ level: label === 'trace' ? 'verbose' : label }),
          log: (entry) => redacted(entry) as Record<string, unknown>,
        },
        serializers: { err: pino.stdSerializers.err },
      },
      sink,
    ) as Logger<'verbose'>;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.entry('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.entry('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.entry('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.entry('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.entry('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.entry('fatal', message, params);
  }

  /**
   * A request's access line (HttpObservationMiddleware), written as `log({ msg, ...entry }, 'HttpAccess')` would write it
   * but without the argument parsing and the redaction walk of every other entry: it comes once per request, and
   * all it holds is a method, a route template, a status, a duration and a correlation id (the caller's own only
   * when it has the shape of one, see correlation-id.ts).
   */
  access(entry: AccessEntry): void {
    if (!this.enabled.has('info')) return;
    const { method, route, status, durationMs, correlationId } = entry;
    const msg = `${method} ${route} ${status}`;
    if (!this.pretty) return this.pino.info({ context: ACCESS_CONTEXT, correlationId, method, route, status, durationMs }, msg);
    const time = (this.options.now?.() ?? new Date()).toISOString();
    this.writeLine(prettyAccessLine(time, ACCESS_CONTEXT, msg, entry));
  }

  /** Nest calls this with the levels to keep (`app.useLogger` with `logger: [...]`). */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels.map((level) => NEST_LEVEL[level]));
    const least = SEVERITY.find((level) => this.enabled.has(level));
    this.pino.level = least ? PINO_LEVEL[least] : 'silent';
  }

  isLevelEnabled(level: LogLevelName): boolean {
    return this.enabled.has(level);
  }

  /** Nest's shutdown hook: what is still buffered is written before the process goes. */
  onApplicationShutdown(): void {
    this.flush();
  }

  /** Writes out what the asynchronous destination still holds; called at shutdown, before the process exits. */
  flush(): void {
    this.destination?.flushSync();
  }

  private entry(level: LogLevelName, message: unknown, params: readonly unknown[]): void {
    if (!this.enabled.has(level)) return;
    const { msg, fields } = fieldsOf(message, params);
    if (!this.pretty) return this.pino[PINO_LEVEL[level]](fields, redactedText(msg));
    const time = (this.options.now?.() ?? new Date()).toISOString();
    this.writeLine(prettyLine({ time, level, ...(redacted(fields) as Record<string, unknown>), msg: redactedText(msg) }));
  }
}

/** What an access line holds (see `PinoLogger.access`). */
export interface AccessEntry {
  readonly method: string;
  /** The route's path template (`/api/cases/:caseId`), never the URL with its ids and query. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly correlationId: string | undefined;
}

const ACCESS_CONTEXT = 'HttpAccess';

/** pino's asynchronous file destination (a SonicBoom). */
type AsyncDestination = ReturnType<typeof pino.destination>;

/**
 * Standard output as every logger of the process shares it: the lines of one turn of the event loop (the access
 * lines of the requests it finished, under load several) are handed over together, once the turn's callbacks have
 * run, and written asynchronously, off the request path (while one write is in flight the next waits); flushed when
 * the process exits, so a line written just before `process.exit` is not lost.
 */
class StandardOutput {
  private pending = '';
  private scheduled = false;

  constructor(private readonly destination: AsyncDestination) {}

  write(text: string): void {
    this.pending += text;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.handOver);
  }

  /** Writes out what is still held, now; at shutdown, before the process exits. */
  flushSync(): void {
    this.handOver();
    try {
      this.destination.flushSync();
    } catch {
      // Not yet open, or standard output is gone: nothing more can be written anyway.
    }
  }

  private readonly handOver = () => {
    this.scheduled = false;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.destination.write(text);
  };
}

let sharedOutput: StandardOutput | undefined;

function standardOutput(): StandardOutput {
  if (!sharedOutput) {
    const output = new StandardOutput(pino.destination({ dest: 1, sync: false }));
    process.once('exit', () => output.flushSync());
    sharedOutput = output;
  }
  return sharedOutput;
}

function fieldsOf(message: unknown, params: readonly unknown[]): { msg: string; fields: Record<string, unknown> } {
  const rest = [...params];
  // Nest's Logger passes its context last (after `undefined` for a missing stack).
  const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
  const extra: Record<string, unknown> = {};
  const args: unknown[] = [];
  const take = (value: unknown) => {
    if (value === undefined) return;
    if (value instanceof Error) extra.err = value;
    else if (typeof value === 'string' && STACK.test(value)) extra.stack = value;
    else if (isPlainObject(value)) Object.assign(extra, value);
    else args.push(value);
  };
  let msg: string;
  if (message instanceof Error) {
    msg = message.message;
    take(message);
  } else if (isPlainObject(message)) {
    const { msg: text, message: alternative, ...fields } = message;
    msg = String(text ?? alternative ?? '');
    take(fields);
  } else {
    msg = typeof message === 'string' ? message : String(message);
  }
  rest.forEach(take);
  if (args.length > 0) extra.args = args;
  const request = currentRequestContext();
  const fields: Record<string, unknown> = {
    context,
    // Outside a request (a malformed body fails before any middleware) the caller may know it.
    correlationId: request?.correlationId ?? (typeof extra.correlationId === 'string' ? extra.correlationId : undefined),
  };
  for (const [key, value] of Object.entries(extra)) if (!OWN_FIELDS.has(key)) fields[key] = value;
  return { msg, fields };
}

function levelsFrom(least: LogLevelName): ReadonlySet<LogLevelName> {
  return new Set(SEVERITY.slice(SEVERITY.indexOf(least)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
