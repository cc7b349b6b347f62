import { ownValue } from '@gongzhi/contracts';
import { DomainError } from '@gongzhi/eventsourcing';
import { cstDay } from '../shared/calendar';
import { phaseInForce, validOnDay, type RulePhase } from '../rules/rule-phases';
import type { LedgerCommand } from './ledger.commands';
import type { LedgerContext, LedgerPolicy } from './ledger.context';
import type { LedgerEvent } from './ledger.events';
import type { LedgerState } from './ledger.state';

type AwardPoints = Extract<LedgerCommand, { type: 'AwardPoints' }>['data'];

/**
 * One award: once per source event, withheld when the resident confirmed their own action or the rule's
 * daily cap is reached (a last award is cut to what the cap leaves), followed by any level, badge and
 * honour it reaches and, on a burst of awards, a flag for an admin.
 */
export function decideAward(command: AwardPoints, state: LedgerState, { now, policy }: LedgerContext): LedgerEvent[] {
  const { residentId, ruleId, sourceEventId } = command;
  if (ownValue(state.awards, sourceEventId) || ownValue(state.withheld, sourceEventId) || ownValue(state.honoured ?? {}, sourceEventId)) {
    throw new DomainError('POINTS.ALREADY_AWARDED', `Event ${sourceEventId} has already been considered for ${residentId}`, {
      sourceEventId,
    });
  }
  const rule = ownValue(policy.rules, ruleId);
  const participatedAt = command.participatedAt ? new Date(command.participatedAt) : now;
  if (!rule || !rule.enabled || !validOnDay(rule, cstDay(participatedAt))) return [];
  if (rule.forbidSelfConfirmation && command.confirmedBy === residentId) {
    return [{ type: 'PointsAwardWithheld', data: { residentId, ruleId, sourceEventId, reason: 'self_confirmed' } }];
  }
  const phase = phaseInForce(policy.phases ?? [], ruleId, participatedAt);
  if (phase?.reward === 'honour') return [honoured(command, state, phase, now, policy)];
  const earnedToday = state.earnedOnDay[`${ruleId}|${cstDay(now)}`] ?? 0;
  const points = Math.min(Math.round((phase?.points ?? rule.points) * command.units), rule.dailyCap - earnedToday);
  if (points <= 0) {
    return [{ type: 'PointsAwardWithheld', data: { residentId, ruleId, sourceEventId, reason: 'daily_cap' } }];
  }
  const awardedAt = now.toISOString();
  const awarded: LedgerEvent = {
    type: 'PointsAwarded',
    data: {
      residentId,
      communityId: command.communityId ?? state.profile?.communityId ?? state.lastCommunityId,
      points,
      ruleId,
      sourceEventId,
      sourceEventType: command.sourceEventType,
      sourceKey: command.sourceKey,
      categoryCode: command.categoryCode,
      awardedAt,
      ...(policy.rulesVersion === undefined ? {} : { rulesVersion: policy.rulesVersion }),
    },
  };
  return [
    awarded,
    ...levelsReached(residentId, state, state.lifetime + points, policy),
    ...badgesEarned(residentId, state, command, points, policy),
    ...burstFlag(residentId, state, sourceEventId, now, policy),
  ];
}

function honoured(command: AwardPoints, state: LedgerState, phase: RulePhase, now: Date, policy: LedgerPolicy): LedgerEvent {
  return {
    type: 'ParticipationHonoured',
    data: {
      residentId: command.residentId,
      communityId: command.communityId ?? state.profile?.communityId ?? state.lastCommunityId,
      ruleId: command.ruleId,
      phaseId: phase.phaseId,
      // An honour phase always names its honour (the announcement refuses one without).
      honourName: phase.honourName ?? phase.ruleId,
      sourceEventId: command.sourceEventId,
      sourceEventType: command.sourceEventType,
      sourceKey: command.sourceKey,
      honouredAt: now.toISOString(),
      rulesVersion: policy.rulesVersion ?? 0,
    },
  };
}

function levelsReached(residentId: string, state: LedgerState, lifetimePoints: number, policy: LedgerPolicy): LedgerEvent[] {
  return policy.levels.flatMap((level, levelIndex) =>
    levelIndex > state.levelIndex && level.minLifetimePoints <= lifetimePoints
      ? [
          {
            type: 'LevelReached' as const,
            data: { residentId, level: level.name, levelIndex, lifetimePoints, privileges: heldAt(policy, levelIndex) },
          },
        ]
      : [],
  );
}

/** Every privilege a resident at `levelIndex` holds: what their level and every level below unlock. */
function heldAt(policy: LedgerPolicy, levelIndex: number) {
  return policy.levels.slice(0, levelIndex + 1).flatMap((level) => level.privileges);
}

function badgesEarned(residentId: string, state: LedgerState, award: AwardPoints, points: number, policy: LedgerPolicy): LedgerEvent[] {
  const badges = policy.badges.filter((badge) => {
    if (state.earned.includes(badge.id) || badge.ruleId !== award.ruleId) return false;
    if (badge.categoryPrefixes.length === 0) return (state.byRule[badge.ruleId] ?? 0) + points >= badge.minPoints;
    if (!award.categoryCode || !badge.categoryPrefixes.some((p) => award.categoryCode!.startsWith(p))) return false;
    const before = Object.entries(state.byRuleCategory)
      .filter(([key]) => badge.categoryPrefixes.some((p) => key.startsWith(`${badge.ruleId}|${p}`)))
      .reduce((sum, [, value]) => sum + value, 0);
    return before + points >= badge.minPoints;
  });
  const honours = policy.honours.filter((h) => !state.earned.includes(h.id) && state.lifetime + points >= h.minLifetimePoints);
  return [
    ...badges.map((b) => ({
      type: 'BadgeEarned' as const,
      data: { residentId, badgeId: b.id, badgeName: b.name, kind: 'badge' as const },
    })),
    ...honours.map((h) => ({
      type: 'BadgeEarned' as const,
      data: { residentId, badgeId: h.id, badgeName: h.name, kind: 'honour' as const },
    })),
  ];
}

/** The flag names the awards of the burst (this one included), so that confirming it reverses exactly those. */
function burstFlag(residentId: string, state: LedgerState, sourceEventId: string, now: Date, policy: LedgerPolicy): LedgerEvent[] {
  const windowStart = now.getTime() - policy.burst.windowMinutes * 60_000;
  const inWindow = [...state.recentAwards.filter((a) => Date.parse(a.at) > windowStart).map((a) => a.sourceEventId), sourceEventId];
  const flaggedInWindow = state.lastFlaggedAt !== null && Date.parse(state.lastFlaggedAt) > windowStart;
  if (inWindow.length <= policy.burst.maxAwards || flaggedInWindow) return [];
  return [
    {
      type: 'FarmingSuspected',
      data: {
        residentId,
        flagId: `burst-${now.getTime()}`,
        awardsInWindow: inWindow.length,
        windowMinutes: policy.burst.windowMinutes,
        sourceEventIds: inWindow,
      },
    },
  ];
}
