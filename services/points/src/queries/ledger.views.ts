import type { RecordedEvent } from '@gongzhi/eventsourcing';
import type { LedgerPolicy } from '../domain/ledger/ledger.context';
import type { LedgerEvent } from '../domain/ledger/ledger.events';
import type { LedgerState } from '../domain/ledger/ledger.state';

export function ledgerView(residentId: string, state: LedgerState, policy: LedgerPolicy) {
  const level = policy.levels[state.levelIndex] ?? policy.levels[0];
  const next = policy.levels[state.levelIndex + 1] ?? null;
  const names = new Map([...policy.badges, ...policy.honours].map((b) => [b.id, b.name]));
  return {
    residentId,
    balance: state.balance,
    lifetimePoints: state.lifetime,
    level: level.name,
    nextLevel: next ? { name: next.name, pointsToGo: Math.max(0, next.minLifetimePoints - state.lifetime) } : null,
    badges: state.earned.map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

/** A bank statement of the ledger: each movement of the balance, newest first. */
export interface StatementLine {
  readonly at: string;
  readonly kind: 'award' | 'reversal' | 'withheld' | 'redemption' | 'refund';
  readonly points: number;
  readonly ruleId?: string;
  readonly source?: string;
  readonly reason?: string;
  readonly reward?: string;
  readonly redemptionId?: string;
}

export function statementOf(events: readonly RecordedEvent[]): StatementLine[] {
  return events
    .flatMap((recorded): StatementLine[] => {
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
        default:
          return [];
      }
    })
    .reverse();
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
      if (event.type === 'LevelReached') return [{ at: recorded.occurredAt, message: `恭喜！您已成为「${event.data.level}」`, ...event.data }];
      if (event.type === 'BadgeEarned') return [{ at: recorded.occurredAt, message: `恭喜！您获得了「${event.data.badgeName}」`, ...event.data }];
      return [];
    })
    .reverse();
}
