import type { LedgerContext } from '../domain/ledger/ledger.context';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';
import type { LedgerEvent } from '../domain/ledger/ledger.events';
import { effectiveRules } from '../domain/rules/rules.decider';
import defaults from '../config/default-points-config.json';
import { pointsConfigSchema } from '../config/points-config.schema';

export const config = pointsConfigSchema.parse(defaults);
export const now = new Date('2026-11-26T09:00:00.000Z');
export const residentId = 'resident-1';
export const context: LedgerContext = {
  now,
  actor: { id: 'points-policy', kind: 'service' },
  policy: { ...config, rules: effectiveRules(config.rules, { overrides: {} }) },
};

type Award = Extract<LedgerCommand, { type: 'AwardPoints' }>['data'];

export function award(sourceEventId: string, overrides: Partial<Award> = {}): LedgerCommand {
  return {
    type: 'AwardPoints',
    data: {
      residentId,
      ruleId: 'valid-report',
      units: 1,
      sourceEventId,
      sourceEventType: 'CaseAccepted',
      sourceKey: `case-${sourceEventId}`,
      communityId: 'community-hexie',
      categoryCode: 'city.road.pothole',
      confirmedBy: 'grid-worker-1',
      ...overrides,
    },
  };
}

export function awarded(
  sourceEventId: string,
  points: number,
  overrides: Partial<Extract<LedgerEvent, { type: 'PointsAwarded' }>['data']> = {},
): LedgerEvent {
  return {
    type: 'PointsAwarded',
    data: {
      residentId,
      communityId: 'community-hexie',
      points,
      ruleId: 'valid-report',
      sourceEventId,
      sourceEventType: 'CaseAccepted',
      sourceKey: `case-${sourceEventId}`,
      categoryCode: 'city.road.pothole',
      awardedAt: now.toISOString(),
      ...overrides,
    },
  };
}
