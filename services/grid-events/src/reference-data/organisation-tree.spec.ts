import { CITY_TREE } from '@gongzhi/identity';
import { loadReferenceData } from './load-reference-data';

describe('one organisation tree', () => {
  it("the tree every service checks authority against is the demo city's reference data, node for node", () => {
    const { document } = loadReferenceData();
    expect(CITY_TREE.document).toEqual({
      cityId: document.city.id,
      districts: document.districts.map((district) => ({
        id: district.id,
        streets: district.streets.map((street) => ({
          id: street.id,
          communities: street.communities.map((community) => ({ id: community.id, gridIds: community.grids.map((grid) => grid.id) })),
        })),
      })),
    });
  });
});
