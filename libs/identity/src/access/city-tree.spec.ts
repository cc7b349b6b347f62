import { DomainError } from '@gongzhi/eventsourcing';
import { authorityCovers, type ScopedActor } from './authority';
import { assertKnownCommunity, cityTree, DEMO_CITY_TREE, organisationTreeOfReferenceData, useCityTree } from './city-tree';

/** A reference data document as grid-events reads it: names and boundaries besides the ids, which the tree ignores. */
const named = (id: string) => ({ id, name: { zh: id, en: id } });
const district = {
  city: { ...named('city-shanghai'), bounds: { south: 31, west: 121, north: 31.5, east: 121.8 } },
  categories: [],
  districts: [
    {
      ...named('district-huangpu'),
      streets: [
        {
          ...named('street-scale-1'),
          communities: [1, 2].map((n) => ({
            ...named(`community-scale-${n}`),
            grids: [{ ...named(`grid-scale-${n}-01`), households: 300 }],
          })),
        },
        {
          ...named('street-scale-2'),
          communities: [{ ...named('community-scale-6'), grids: [named('grid-scale-6-01'), named('grid-scale-6-02')] }],
        },
      ],
    },
  ],
};

const streetOfficer: ScopedActor = {
  roles: ['street_officer'],
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-scale-1' },
};

describe("the city's organisation tree", () => {
  afterEach(() => useCityTree(DEMO_CITY_TREE));

  it('is read from a reference data document by its ids: the city, districts, streets, communities and grids', () => {
    expect(organisationTreeOfReferenceData(district).document).toEqual({
      cityId: 'city-shanghai',
      districts: [
        {
          id: 'district-huangpu',
          streets: [
            {
              id: 'street-scale-1',
              communities: [
                { id: 'community-scale-1', gridIds: ['grid-scale-1-01'] },
                { id: 'community-scale-2', gridIds: ['grid-scale-2-01'] },
              ],
            },
            { id: 'street-scale-2', communities: [{ id: 'community-scale-6', gridIds: ['grid-scale-6-01', 'grid-scale-6-02'] }] },
          ],
        },
      ],
    });
  });

  it('refuses a document without a tree, naming where it came from and the field at fault', () => {
    expect(() =>
      organisationTreeOfReferenceData({ city: { id: 'c' }, districts: [{ id: 'd', streets: [{ communities: [] }] }] }, 'city.json'),
    ).toThrow('the organisation tree in city.json is invalid: districts.0.streets.0.id');
    expect(() => organisationTreeOfReferenceData({ city: { id: 'c' }, districts: [] })).toThrow(/districts/);
  });

  it("is the demo city's until the process loads the city's own, once, at start", () => {
    expect(cityTree()).toBe(DEMO_CITY_TREE);
    expect(cityTree().placeOfCommunity('community-scale-1')).toEqual({ communityId: 'community-scale-1' });
    const loaded = organisationTreeOfReferenceData(district);
    expect(useCityTree(loaded)).toBe(DEMO_CITY_TREE);
    expect(cityTree()).toBe(loaded);
  });

  it("puts a street the reference data adds above its communities: its officer acts in them, not in another street's", () => {
    // On the demo city's tree the street is unknown, and its officer acts nowhere (fails closed).
    expect(authorityCovers(streetOfficer, cityTree().placeOfCommunity('community-scale-1'), ['street_officer'])).toBe(false);
    useCityTree(organisationTreeOfReferenceData(district));
    expect(authorityCovers(streetOfficer, cityTree().placeOfCommunity('community-scale-1'), ['street_officer'])).toBe(true);
    expect(authorityCovers(streetOfficer, cityTree().placeOfCommunity('community-scale-6'), ['street_officer'])).toBe(false);
    expect(authorityCovers(streetOfficer, cityTree().placeOfGrid('grid-scale-2-01'), ['street_officer'])).toBe(true);
  });

  it('refuses a community it does not know with the code given, in plain words, naming the field', () => {
    expect(() => assertKnownCommunity('community-hexie', 'TEAM.UNKNOWN_COMMUNITY')).not.toThrow();
    let refusal: unknown;
    try {
      assertKnownCommunity('community-nowhere', 'TEAM.UNKNOWN_COMMUNITY');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'TEAM.UNKNOWN_COMMUNITY',
      message: 'community-nowhere is not a community of the city',
      details: { field: 'communityId', communityId: 'community-nowhere' },
    });
    expect(() => assertKnownCommunity('community-scale-1', 'X.UNKNOWN_COMMUNITY', 'body.communityId')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'body.communityId' }) }),
    );
  });
});
