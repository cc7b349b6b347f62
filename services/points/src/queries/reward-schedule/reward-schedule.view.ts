import type { PointRule } from '../../config/points-config.schema';
import { phaseInForce, type RulePhase } from '../../domain/rules/rule-phases';
import { CITY_TIME_ZONE, cstDay } from '../../domain/shared/calendar';

export interface ScheduledReward {
  readonly reward: 'material' | 'honour';
  readonly points: number;
  readonly honourName: string | null;
}

export interface RuleSchedule {
  readonly ruleId: string;
  readonly name: string;
  /** The rule's validity period in city days, when the configuration limits it. */
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly now: ScheduledReward;
  readonly phases: readonly (ScheduledReward & {
    readonly phaseId: string;
    /** The first day, in city time. */
    readonly from: string;
    readonly note: string | null;
    readonly status: 'announced' | 'in_force' | 'ended';
  })[];
}

/** What residents read: for each rule, how it rewards today and every change announced, with its first day in city time. */
export function rewardSchedule(rules: readonly PointRule[], phases: readonly RulePhase[], now: Date) {
  return {
    timeZone: CITY_TIME_ZONE,
    today: cstDay(now),
    rules: rules.map((rule): RuleSchedule => {
      const current = phaseInForce(phases, rule.id, now);
      const own = phases.filter((p) => p.ruleId === rule.id).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      return {
        ruleId: rule.id,
        name: rule.name,
        validFrom: rule.validFrom ?? null,
        validUntil: rule.validUntil ?? null,
        now: current ? rewardOf(current) : { reward: 'material', points: rule.points, honourName: null },
        phases: own.map((p) => ({
          phaseId: p.phaseId,
          from: p.effectiveFromDay,
          note: p.note,
          ...rewardOf(p),
          status: p === current ? 'in_force' : Date.parse(p.effectiveFrom) > now.getTime() ? 'announced' : 'ended',
        })),
      };
    }),
  };
}

const rewardOf = (phase: RulePhase): ScheduledReward => ({ reward: phase.reward, points: phase.points, honourName: phase.honourName });
