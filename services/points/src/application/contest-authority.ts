import { assertAuthorityCovers, authorityCovers, cityTree, isResidentOf, type Principal } from '@gongzhi/identity';
import { DomainError } from '@gongzhi/eventsourcing';

/** Who may run contests at all: the route's guard; assertRunsContest then checks the contest's community. */
export const CONTEST_STAFF = ['community_officer', 'street_officer', 'admin'] as const;

/** A contest is run in its community's patch (docs/authority.md): its community officers, its street's officers, admins. */
export function assertRunsContest(principal: Principal, communityId: string, action: string): void {
  assertAuthorityCovers(principal, cityTree().placeOfCommunity(communityId), [...CONTEST_STAFF], action);
}

/** Staff who run the contest's community see a jury's running scores, as its jurors do. */
export function runsContest(principal: Principal, communityId: string): boolean {
  return authorityCovers(principal, cityTree().placeOfCommunity(communityId), [...CONTEST_STAFF]);
}

/** Entering, voting and joining a team are for verified residents of the contest's community. */
export function assertTakesPart(principal: Principal, communityId: string): void {
  if (!isResidentOf(principal, cityTree().placeOfCommunity(communityId), { verified: true }))
    throw new DomainError('CONTEST.FORBIDDEN', `Only verified residents of ${communityId} take part in this contest`, {
      field: 'contestId',
    });
}
