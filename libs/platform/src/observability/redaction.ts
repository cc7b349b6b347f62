export const REDACTED = '[REDACTED]';

/**
 * Keys whose values never reach a log line, at any depth and in any letter case: passwords, tokens (access,
 * refresh, id, API), secrets and keys, Authorization and cookie headers. A name that merely contains one of
 * these words (`tokenCount`) is redacted too: a lost number costs less than a leaked credential.
 */
const SENSITIVE_KEY = /pass(word|wd|phrase)?$|secret|token|authori[sz]ation|cookie|api[-_]?key|credential|private[-_]?key|signature/i;
/** A bearer or basic credential inside a string (an error message that quotes a header). */
const CREDENTIAL_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const MAX_DEPTH = 12;

/**
 * A copy of `value` with every sensitive field's value replaced by `[REDACTED]`; the original is left as it was.
 * A field that refers back to an object it is inside is written `[Circular]`, a BigInt as its digits.
 */
export function redacted(value: unknown): unknown {
  return redactedWithin(value, new Set());
}

/** The text with any bearer or basic credential it quotes replaced. */
export const redactedText = (text: string): string => text.replace(CREDENTIAL_IN_TEXT, `$1 ${REDACTED}`);

function redactedWithin(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactedText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (ancestors.size > MAX_DEPTH) return '[Too deep]';
  if (value instanceof Error) return redactedError(value);
  if (!Array.isArray(value) && !isRecord(value)) return value;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactedWithin(item, ancestors));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = SENSITIVE_KEY.test(key) && item !== undefined ? REDACTED : redactedWithin(item, ancestors);
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

function redactedError(error: Error): Error {
  const message = redactedText(error.message);
  if (message === error.message) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.assign(copy, error, { message, stack: error.stack && redactedText(error.stack) });
  return copy;
}

/** Plain data (objects and class instances alike, but not what serialises itself: Dates, Buffers, a `toJSON`). */
function isRecord(value: object): value is Record<string, unknown> {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return !(value instanceof Date || value instanceof Map || value instanceof Set || Buffer.isBuffer(value) || ArrayBuffer.isView(value));
}
