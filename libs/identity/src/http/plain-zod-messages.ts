import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const KINDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a date such as 2026-12-04',
  datetime: 'a date and time such as 2026-12-04T09:30:00+08:00',
  email: 'an email address',
  url: 'a web address (URL)',
  uuid: 'an id (UUID)',
};

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

/**
 * Plain words for zod's own messages ("Invalid input: expected string, received undefined"), used where a
 * request is parsed. A schema's own message (`.min(1, 'a rejection needs a reason')`) is kept: zod lets a
 * schema's message win over this one.
 */
export function plainZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'required';
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `must be one of: ${list(issue.values)}`;
    case 'invalid_format':
      return `must be ${FORMATS[issue.format] ?? `in the form ${issue.format}`}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `not a field of this request: ${list(issue.keys)}`;
    case 'invalid_union':
      return 'is not in a form this field accepts';
    default:
      return 'is not valid here';
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string') return minimum <= 1 ? 'must not be empty' : `at least ${minimum} characters`;
  if (origin === 'array' || origin === 'set') return minimum <= 1 ? 'needs at least one item' : `at least ${minimum} items`;
  return inclusive ? `at least ${minimum}` : `more than ${minimum}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `at most ${maximum} characters`;
  if (origin === 'array' || origin === 'set') return `at most ${maximum} items`;
  return inclusive ? `at most ${maximum}` : `less than ${maximum}`;
}
