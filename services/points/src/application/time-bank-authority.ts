import { authorityCovers, cityTree, type Principal } from '@gongzhi/identity';

/**
 * Officers verify hours only in their patch (docs/authority.md): a community officer the volunteer's community, a
 * street officer the communities of their street, an admin anywhere. An entry with no community recorded is the
 * named verifier's or an admin's.
 */
export const officerCovering = (principal: Principal) => (communityId: string | null) =>
  authorityCovers(principal, communityId === null ? {} : cityTree().placeOfCommunity(communityId), [
    'community_officer',
    'street_officer',
    'admin',
  ]);
