import { cityTree, DEMO_CITY_TREE, useCityTree } from '../access/city-tree';
import { OrganisationTree } from '../access/organisation-tree';
import { communityDirectoryOf } from './community-directory';

describe('a community directory of the organisation tree', () => {
  const directory = communityDirectoryOf(() => DEMO_CITY_TREE);

  it('finds a community with the path above it and its grids', async () => {
    expect(await directory.find('community-xingfu')).toEqual({
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-nanjingdong',
      gridIds: ['grid-xingfu-01', 'grid-xingfu-02'],
    });
  });

  it('does not know a community the tree does not have', async () => {
    expect(await directory.find('community-nowhere')).toBeUndefined();
  });

  it('asks the tree the process has at the time of the registration, not the one it had when made', async () => {
    const grown = new OrganisationTree({
      cityId: 'city-shanghai',
      districts: [
        {
          id: 'district-huangpu',
          streets: [{ id: 'street-scale-1', communities: [{ id: 'community-scale-1', gridIds: ['grid-scale-1-01'] }] }],
        },
      ],
    });
    const followsTheProcess = communityDirectoryOf(cityTree);
    const previous = useCityTree(grown);
    try {
      expect(await followsTheProcess.find('community-scale-1')).toMatchObject({ streetId: 'street-scale-1', gridIds: ['grid-scale-1-01'] });
      expect(await followsTheProcess.find('community-hexie')).toBeUndefined();
    } finally {
      useCityTree(previous);
    }
  });
});
