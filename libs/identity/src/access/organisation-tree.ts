/** A place in the organisation tree: a level and every level above it. Absent levels are unknown. */
export interface Place {
  readonly cityId?: string;
  readonly districtId?: string;
  readonly streetId?: string;
  readonly communityId?: string;
  readonly gridId?: string;
}

export interface OrganisationTreeDocument {
  readonly cityId: string;
  readonly districts: readonly {
    readonly id: string;
    readonly streets: readonly {
      readonly id: string;
      readonly communities: readonly { readonly id: string; readonly gridIds: readonly string[] }[];
    }[];
  }[];
}

/** City › district › street › community › grid, and the path above any node of it. */
export class OrganisationTree {
  private readonly communities = new Map<string, Place>();
  private readonly grids = new Map<string, Place>();
  private readonly streets = new Map<string, Place>();
  private readonly gridsOfCommunity = new Map<string, readonly string[]>();

  constructor(readonly document: OrganisationTreeDocument) {
    const { cityId } = document;
    for (const district of document.districts) {
      for (const street of district.streets) {
        this.streets.set(street.id, { cityId, districtId: district.id, streetId: street.id });
        for (const community of street.communities) {
          const place = { cityId, districtId: district.id, streetId: street.id, communityId: community.id };
          this.communities.set(community.id, place);
          this.gridsOfCommunity.set(community.id, [...community.gridIds]);
          for (const gridId of community.gridIds) this.grids.set(gridId, { ...place, gridId });
        }
      }
    }
  }

  /** Whether the tree has this community: a community it does not know is no place to act in. */
  knowsCommunity(communityId: string): boolean {
    return this.communities.has(communityId);
  }

  /** The grids of a community the tree knows; none for one it does not. */
  gridIdsOf(communityId: string): readonly string[] {
    return this.gridsOfCommunity.get(communityId) ?? [];
  }

  communityIds(): string[] {
    return [...this.communities.keys()];
  }

  /** The community and the path above it; only the id when the tree does not know it, so street-level authority fails closed. */
  placeOfCommunity(communityId: string): Place {
    return this.communities.get(communityId) ?? { communityId };
  }

  placeOfGrid(gridId: string): Place {
    return this.grids.get(gridId) ?? { gridId };
  }

  placeOfStreet(streetId: string): Place {
    return this.streets.get(streetId) ?? { streetId };
  }
}
