import { DomainError } from '@gongzhi/eventsourcing';
import { CITY_TIME_ZONE, cstDay, startOfCstDay } from '../shared/calendar';
import type { DecisionContext } from '@gongzhi/eventsourcing';
import type { RulesEvent, RulesState } from './rules.decider';

export interface AnnounceRulePhase {
  readonly type: 'AnnounceRulePhase';
  readonly data: {
    readonly phaseId: string;
    readonly ruleId: string;
    /** The first day of the phase, in city time (YYYY-MM-DD). */
    readonly effectiveFromDay: string;
    readonly reward: 'material' | 'honour';
    readonly points: number;
    readonly honourName: string | null;
    readonly note: string | null;
    readonly announcedBy: string;
  };
}

/**
 * A phase is announced at least a day ahead, so residents can read it before it applies and nothing done
 * already is judged by it: its first day must come after today in city time.
 */
export function decideAnnouncement(data: AnnounceRulePhase['data'], state: RulesState, { now }: DecisionContext): RulesEvent[] {
  const today = cstDay(now);
  if (data.effectiveFromDay <= today) {
    throw new DomainError(
      'RULES.NOT_ANNOUNCED_AHEAD',
      `A change of reward is announced ahead: its first day must come after today (${today}, ${CITY_TIME_ZONE}); participation already made keeps its reward`,
      { field: 'from', today },
    );
  }
  if (data.reward === 'honour' && !data.honourName) {
    throw new DomainError('RULES.INVALID', 'An honour phase names the honour residents receive instead of points', { field: 'honourName' });
  }
  if (!Number.isInteger(data.points) || data.points < 0 || (data.reward === 'honour' && data.points !== 0)) {
    throw new DomainError('RULES.INVALID', 'points must be a whole number of at least 0, and 0 in an honour phase', { field: 'points' });
  }
  if (state.phases.some((p) => p.ruleId === data.ruleId && p.effectiveFromDay === data.effectiveFromDay)) {
    throw new DomainError('RULES.PHASE_EXISTS', `Rule ${data.ruleId} already has a phase from ${data.effectiveFromDay}`, { field: 'from' });
  }
  return [
    {
      type: 'PointRulePhaseAnnounced',
      data: {
        phaseId: data.phaseId,
        ruleId: data.ruleId,
        effectiveFromDay: data.effectiveFromDay,
        effectiveFrom: startOfCstDay(data.effectiveFromDay).toISOString(),
        timeZone: CITY_TIME_ZONE,
        reward: data.reward,
        points: data.reward === 'honour' ? 0 : data.points,
        honourName: data.reward === 'honour' ? data.honourName : null,
        note: data.note,
        announcedBy: data.announcedBy,
      },
    },
  ];
}
