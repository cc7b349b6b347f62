import type { LoggerService, LogLevel } from '@nestjs/common';
import type { LogFormat, LogLevelName } from '../config/platform-config';
import { currentRequestContext } from './request-context';

export interface JsonLoggerOptions {
  /** The process's service name, on every line. */
  readonly service: string;
  /** The least severe level written; default `info`. */
  readonly level?: LogLevelName;
  /** `json`: one JSON object per line, for collectors; `pretty`: one readable line, for a terminal. */
  readonly format?: LogFormat;
  /** Where each line goes; default standard output. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const SEVERITY: Readonly<Record<LogLevelName, number>> = { verbose: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5 };
const NEST_LEVEL: Readonly<Record<LogLevel, LogLevelName>> = {
  verbose: 'verbose',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
/** Fields the logger owns; a caller's fields of the same name do not replace them. */
const OWN_FIELDS = new Set(['time', 'level', 'service', 'msg', 'context', 'correlationId']);
const STACK = /\n\s+at /;

/**
 * Nest's LoggerService writing one entry per line: `{time, level, service, msg, context,
 * correlationId, ...fields}` where the correlation id is the current request's or message's.
 *
 * Call it as Nest's `Logger` does: `logger.log('case dispatched', 'CaseDispatcher')`,
 * `logger.error('relay stopped', error.stack, 'KafkaRelay')`; a plain object among the arguments
 * adds its fields (`logger.log({ msg: 'case dispatched', caseId }, 'CaseDispatcher')`), an Error
 * adds `err: {type, message, stack}`.
 */
export class JsonLogger implements LoggerService {
  private enabled: ReadonlySet<LogLevelName>;
  private readonly format: LogFormat;
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(private readonly options: JsonLoggerOptions) {
    this.enabled = levelsFrom(options.level ?? 'info');
    this.format = options.format ?? 'json';
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
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

  /** Nest calls this with the levels to keep (`app.useLogger` with `logger: [...]`). */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels.map((level) => NEST_LEVEL[level]));
  }

  isLevelEnabled(level: LogLevelName): boolean {
    return this.enabled.has(level);
  }

  private entry(level: LogLevelName, message: unknown, params: readonly unknown[]): void {
    if (!this.enabled.has(level)) return;
    this.write(this.format === 'json' ? safeJson(this.fields(level, message, params)) : this.pretty(this.fields(level, message, params)));
  }

  private fields(level: LogLevelName, message: unknown, params: readonly unknown[]): Record<string, unknown> {
    const rest = [...params];
    // Nest's Logger passes its context last (after `undefined` for a missing stack).
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const extra: Record<string, unknown> = {};
    const args: unknown[] = [];
    const take = (value: unknown) => {
      if (value === undefined) return;
      if (value instanceof Error) extra.err = errorFields(value);
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
    const line: Record<string, unknown> = {
      time: this.now().toISOString(),
      level,
      service: this.options.service,
      msg,
      context,
      // Outside a request (a malformed body fails before any middleware) the caller may know it.
      correlationId: request?.correlationId ?? (typeof extra.correlationId === 'string' ? extra.correlationId : undefined),
    };
    for (const [key, value] of Object.entries(extra)) if (!OWN_FIELDS.has(key)) line[key] = value;
    return line;
  }

  private pretty({ time, level, service: _service, msg, context, correlationId, stack, err, ...fields }: Record<string, unknown>): string {
    const clock = String(time).slice(11, 23);
    const parts = [clock, String(level).toUpperCase().padEnd(5), context ? `[${context}]` : undefined, msg];
    const tail = Object.entries({ ...fields, correlationId }).filter(([, value]) => value !== undefined);
    if (tail.length > 0) parts.push(tail.map(([key, value]) => `${key}=${typeof value === 'string' ? value : safeJson(value)}`).join(' '));
    const trace = (err as { stack?: string } | undefined)?.stack ?? (typeof stack === 'string' ? stack : undefined);
    const line = parts.filter((part) => part !== undefined && part !== '').join(' ');
    // The one exception to one line per entry: a stack trace reads better as the stack it is.
    return trace ? `${line}\n${indent(trace)}` : line;
  }
}

function levelsFrom(least: LogLevelName): ReadonlySet<LogLevelName> {
  return new Set((Object.keys(SEVERITY) as LogLevelName[]).filter((level) => SEVERITY[level] >= SEVERITY[least]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line.trimStart()}`)
    .join('\n');
}

/** JSON that survives cycles and BigInts instead of losing the log line. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (item instanceof Error) return errorFields(item);
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[Circular]';
      seen.add(item);
    }
    return item;
  });
}
