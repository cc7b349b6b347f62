/** Where a community sits in the organisation tree, and its grids. */
export interface CommunityPlace {
  readonly cityId?: string;
  readonly districtId?: string;
  readonly streetId?: string;
  /** Absent: the directory does not know the grids, and any grid id is taken as given. */
  readonly gridIds?: readonly string[];
}

/**
 * Port: lets registration check the community and grid a resident names and put the street above
 * them into the resident's scope, so that the street's officers can verify them.
 */
export interface CommunityDirectory {
  find(communityId: string): Promise<CommunityPlace | undefined>;
}

export const COMMUNITY_DIRECTORY = Symbol('COMMUNITY_DIRECTORY');

export class StaticCommunityDirectory implements CommunityDirectory {
  constructor(private readonly communities: Readonly<Record<string, CommunityPlace>>) {}

  async find(communityId: string): Promise<CommunityPlace | undefined> {
    return Object.hasOwn(this.communities, communityId) ? this.communities[communityId] : undefined;
  }
}

/** Knows no tree: any community and grid id is taken as given, and no street is put in the scope. */
export const OPEN_COMMUNITY_DIRECTORY: CommunityDirectory = { find: async () => ({}) };

/** The communities of the demo city that the demo accounts belong to. */
export const DEMO_COMMUNITIES = new StaticCommunityDirectory({
  'community-hexie': {
    cityId: 'city-shanghai',
    districtId: 'district-huangpu',
    streetId: 'street-nanjingdong',
    gridIds: ['grid-hexie-01', 'grid-hexie-02', 'grid-hexie-03'],
  },
  'community-xingfu': {
    cityId: 'city-shanghai',
    districtId: 'district-huangpu',
    streetId: 'street-nanjingdong',
    gridIds: ['grid-xingfu-01', 'grid-xingfu-02'],
  },
});
