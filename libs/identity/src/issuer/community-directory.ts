import type { OrganisationTree } from '../access/organisation-tree';

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

/**
 * The communities of an organisation tree, each with its street and grids: registration then refuses a community
 * or grid the city does not have, and puts a resident's street into their scope so the street's officers can
 * verify them. The tree is asked on each registration (`tree` is called then), so it is the one the process
 * loaded at start.
 */
export function communityDirectoryOf(tree: () => OrganisationTree): CommunityDirectory {
  return {
    find: async (communityId) => {
      const known = tree();
      if (!known.knowsCommunity(communityId)) return undefined;
      const { communityId: _communityId, gridId: _gridId, ...parents } = known.placeOfCommunity(communityId);
      return { ...parents, gridIds: known.gridIdsOf(communityId) };
    },
  };
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
