import { authorityCovers, cityTree, type ScopedActor } from '@gongzhi/identity';
import { refuse } from './domain-event';

/** How far a project or a resource is open: its own community (the default), its street, or the whole city. */
export type OpenTo = 'community' | 'street' | 'city';

/** Who takes part, with the place their token names. */
export type Participant = ScopedActor;

/** Residents of the place it is open to, and the community's own officers, may take part. */
export function mayTakePart(participant: Participant, shared: { readonly communityId: string; readonly openTo: OpenTo }): boolean {
  const place = cityTree().placeOfCommunity(shared.communityId);
  if (authorityCovers(participant, place, ['community_officer'])) return true;
  if (!participant.roles.includes('resident')) return false;
  const { scope } = participant;
  switch (shared.openTo) {
    case 'community':
      return scope.communityId !== undefined && scope.communityId === place.communityId;
    case 'street':
      return scope.streetId !== undefined && scope.streetId === place.streetId;
    case 'city':
      return scope.cityId !== undefined && scope.cityId === place.cityId;
  }
}

/** Refuses (403) anyone outside the place the project or resource is open to; an unknown participant is outside. */
export function assertMayTakePart(
  participant: Participant | undefined,
  shared: { readonly communityId: string; readonly openTo: OpenTo },
  action: string,
): void {
  if (participant && mayTakePart(participant, shared)) return;
  const reach =
    shared.openTo === 'community' ? shared.communityId : shared.openTo === 'street' ? `the street of ${shared.communityId}` : 'the city';
  throw refuse('PROJECT.FORBIDDEN', `Only residents of ${reach} may ${action}`, {
    communityId: shared.communityId,
    openTo: shared.openTo,
    rule: 'open_to',
  });
}
