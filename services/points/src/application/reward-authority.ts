import { assertAuthorityCovers, cityTree, type Principal } from '@gongzhi/identity';

/** Who may manage rewards at all: the route's guard; assertManagesReward then checks the reward's own community. */
export const REWARD_STAFF = ['admin', { role: 'community_officer', scope: 'community' }] as const;

/**
 * A reward is managed in its community's patch (docs/authority.md): its community officers and admins; a city-wide
 * reward (no community) by admins only.
 */
export function assertManagesReward(principal: Principal, communityId: string | null, action: string): void {
  assertAuthorityCovers(
    principal,
    communityId === null ? {} : cityTree().placeOfCommunity(communityId),
    ['community_officer', 'admin'],
    action,
  );
}
