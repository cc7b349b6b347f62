/**
 * The optimistic-concurrency condition of an append.
 * A number is the stream's current version (its event count): 0 means the stream must not exist yet.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export function expectedVersionMatches(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'stream_exists':
      return current > 0;
    default:
      return current === expected;
  }
}

export function describeExpectedVersion(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected.replace('_', ' ');
}
