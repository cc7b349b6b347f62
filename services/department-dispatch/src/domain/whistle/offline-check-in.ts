import { DomainError } from '@gongzhi/eventsourcing';

/**
 * How far a check-in made offline may move its judged time back from when the server received it. Ten
 * minutes covers a basement, a lift or a dead lane (the signal is back within minutes), is a third of the
 * usual 30-minute deadline, and bounds what a wrong or changed device clock can earn (docs/offline.md).
 */
export const OFFLINE_CHECK_IN_GRACE_MINUTES = 10;

/**
 * The time a check-in's deadline is judged by: when it was made on the device, but never more than the
 * grace window before the server received it. Without `madeAt`, when it was received.
 */
export function judgedCheckInTime(input: { readonly receivedAt: string; readonly madeAt?: string; readonly blownAt: string }): string {
  const { receivedAt, madeAt, blownAt } = input;
  if (madeAt === undefined) return receivedAt;
  if (madeAt > receivedAt) {
    throw new DomainError(
      'WHISTLE.CHECK_IN_MADE_IN_FUTURE',
      'madeAt is later than the time the check-in arrived: a check-in cannot be made in the future (is the device clock right?)',
      { field: 'madeAt' },
    );
  }
  if (madeAt < blownAt) {
    throw new DomainError(
      'WHISTLE.CHECK_IN_MADE_BEFORE_WHISTLE',
      'madeAt is before the whistle was blown: a check-in is made after the whistle',
      { field: 'madeAt' },
    );
  }
  const earliest = new Date(Date.parse(receivedAt) - OFFLINE_CHECK_IN_GRACE_MINUTES * 6e4).toISOString();
  return madeAt > earliest ? madeAt : earliest;
}
