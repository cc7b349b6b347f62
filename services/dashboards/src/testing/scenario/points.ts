import type { ScenarioConstructor } from './scenario-events';

/** Steps of points (积分): awards, names on the leaderboard, redemptions, levels, badges, volunteer hours. */
export function withPoints<TBase extends ScenarioConstructor>(Base: TBase) {
  return class extends Base {
    async awardPoints(residentId: string, points: number, o: { ruleId?: string; communityId?: string | null } = {}) {
      await this.append('PointsAwarded', `points-${residentId}`, {
        residentId,
        communityId: o.communityId === undefined ? 'community-1' : o.communityId,
        points,
        ruleId: o.ruleId ?? 'valid-report',
        sourceEventId: `source-${++this.seq}`,
        sourceEventType: 'CaseAccepted',
        sourceKey: null,
        categoryCode: null,
        awardedAt: this.clock.now().toISOString(),
      });
    }

    async setDisplayName(residentId: string, displayName: string, communityId: string | null = 'community-1') {
      await this.append('ResidentProfileUpdated', `points-${residentId}`, { residentId, displayName, communityId });
    }

    async redeem(residentId: string, points: number, rewardId = 'canteen-coupon') {
      await this.append('RewardRedeemed', `points-${residentId}`, {
        redemptionId: `redemption-${++this.seq}`,
        residentId,
        rewardId,
        rewardName: '社区食堂餐券',
        quantity: 1,
        points,
      });
    }

    async reachLevel(residentId: string, level: string, levelIndex: number, lifetimePoints: number) {
      await this.append('LevelReached', `points-${residentId}`, { residentId, level, levelIndex, lifetimePoints });
    }

    async earnBadge(residentId: string, badgeId: string, badgeName: string, kind: 'badge' | 'honour' = 'badge') {
      await this.append('BadgeEarned', `points-${residentId}`, { residentId, badgeId, badgeName, kind });
    }

    async depositHours(residentId: string, hours: number) {
      await this.append('VolunteerHoursDeposited', `timebank-${residentId}`, {
        residentId,
        hours,
        entryId: `entry-${++this.seq}`,
        verifiedBy: 'organiser-1',
      });
    }
  };
}
