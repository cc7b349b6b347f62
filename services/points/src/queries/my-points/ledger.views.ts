import type { RecordedEvent } from '@gongzhi/eventsourcing';
import type { LedgerPolicy } from '../../domain/ledger/ledger.context';
import type { LedgerEvent } from '../../domain/ledger/ledger.events';
import type { LedgerState } from '../../domain/ledger/ledger.state';

/** The names of a policy's badges and honours by id, built once per policy (Streams keeps one until the rules change). */
const namesByPolicy = new WeakMap<LedgerPolicy, ReadonlyMap<string, string>>();

function namesOf(policy: LedgerPolicy): ReadonlyMap<string, string> {
  let names = namesByPolicy.get(policy);
  if (!names) namesByPolicy.set(policy, (names = new Map([...policy.badges, ...policy.honours].map((b) => [b.id, b.name]))));
  return names;
}

export function ledgerView(residentId: string, state: LedgerState, policy: LedgerPolicy) {
  const level = policy.levels[state.levelIndex] ?? policy.levels[0];
  const next = policy.levels[state.levelIndex + 1] ?? null;
  const names = namesOf(policy);
  return {
    residentId,
    balance: state.balance,
    lifetimePoints: state.lifetime,
    level: level.name,
    nextLevel: next ? { name: next.name, pointsToGo: Math.max(0, next.minLifetimePoints - state.lifetime) } : null,
    badges: state.earned.map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

/** One movement of a resident's balance. */
export interface StatementLine {
  readonly at: string;
  readonly kind: 'award' | 'reversal' | 'withheld' | 'redemption' | 'refund' | 'honour';
  /** On an honour line: the honour mention received instead of points. */
  readonly honour?: string;
  readonly points: number;
  readonly ruleId?: string;
  readonly source?: string;
  readonly reason?: string;
  readonly reward?: string;
  readonly redemptionId?: string;
}

/** What an admin sees of a line: the source of an award, reversal or withholding, enough to reverse an award by hand. */
export interface AdminStatementLine extends StatementLine {
  readonly sourceEventId?: string;
  readonly sourceEventType?: string;
  /** What the award was for: `case-<id>`, `ballot-<id>`, `suggestion-<topicId>`, `hours-<entryId>`. */
  readonly sourceKey?: string | null;
  /** On an award: whether it has been reversed since. */
  readonly reversed?: boolean;
}

/** A bank statement of the ledger: each movement of the balance, newest first. */
export function statementOf(events: readonly RecordedEvent[]): StatementLine[] {
  return events.flatMap((recorded) => lineOf(recorded)).reverse();
}

export function adminStatementOf(events: readonly RecordedEvent[]): AdminStatementLine[] {
  const ledger = events as unknown as readonly LedgerEvent[];
  const reversed = new Set(ledger.flatMap((e) => (e.type === 'PointsReversed' ? [e.data.sourceEventId] : [])));
  return events
    .flatMap((recorded): AdminStatementLine[] => {
      const event = recorded as unknown as LedgerEvent;
      const lines = lineOf(recorded);
      switch (event.type) {
        case 'PointsAwarded': {
          const { sourceEventId, sourceEventType, sourceKey } = event.data;
          return lines.map((line) => ({ ...line, sourceEventId, sourceEventType, sourceKey, reversed: reversed.has(sourceEventId) }));
        }
        case 'PointsReversed':
        case 'PointsAwardWithheld':
          return lines.map((line) => ({ ...line, sourceEventId: event.data.sourceEventId }));
        default:
          return lines;
      }
    })
    .reverse();
}

function lineOf(recorded: RecordedEvent): StatementLine[] {
  const event = recorded as unknown as LedgerEvent;
  const at = recorded.occurredAt;
  switch (event.type) {
    case 'PointsAwarded':
      return [{ at, kind: 'award', points: event.data.points, ruleId: event.data.ruleId, source: event.data.sourceEventType }];
    case 'PointsReversed':
      return [{ at, kind: 'reversal', points: -event.data.debited, ruleId: event.data.ruleId, reason: event.data.reason }];
    case 'PointsAwardWithheld':
      return [{ at, kind: 'withheld', points: 0, ruleId: event.data.ruleId, reason: event.data.reason }];
    case 'RewardRedeemed':
      return [{ at, kind: 'redemption', points: -event.data.points, reward: event.data.rewardName, redemptionId: event.data.redemptionId }];
    case 'RedemptionCancelled':
      return [{ at, kind: 'refund', points: event.data.pointsRefunded, redemptionId: event.data.redemptionId }];
    case 'ParticipationHonoured':
      return [
        { at, kind: 'honour', points: 0, ruleId: event.data.ruleId, honour: event.data.honourName, source: event.data.sourceEventType },
      ];
    default:
      return [];
  }
}

export interface Notification {
  readonly at: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export function notificationsOf(events: readonly RecordedEvent[]): Notification[] {
  return events
    .flatMap((recorded): Notification[] => {
      const event = recorded as unknown as LedgerEvent;
      if (event.type === 'LevelReached')
        return [{ at: recorded.occurredAt, message: `恭喜！您已成为「${event.data.level}」`, ...event.data }];
      if (event.type === 'BadgeEarned')
        return [{ at: recorded.occurredAt, message: `恭喜！您获得了「${event.data.badgeName}」`, ...event.data }];
      if (event.type === 'ParticipationHonoured')
        return [{ at: recorded.occurredAt, message: `感谢参与！您获得「${event.data.honourName}」`, ...event.data }];
      return [];
    })
    .reverse();
}
