import type { CommunityPlace } from '@gongzhi/identity';
import type { ReferenceData } from './reference-data';

/**
 * Every community of the organisation tree with the street, district and grids above and below it: what
 * registration checks a new resident's community and grid against, so the issuer knows the same places
 * as the cases do.
 */
export function communityPlacesOf(reference: ReferenceData): Record<string, CommunityPlace> {
  const places: Record<string, { cityId: string; districtId: string; streetId: string; gridIds: string[] }> = {};
  for (const place of reference.allGrids()) {
    const community = (places[place.communityId] ??= {
      cityId: place.cityId,
      districtId: place.districtId,
      streetId: place.streetId,
      gridIds: [],
    });
    community.gridIds.push(place.grid.id);
  }
  return places;
}
