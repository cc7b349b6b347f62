import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CITY_TREE } from '@gongzhi/identity';
import { cityTreeFromEnv } from '@gongzhi/platform';
import { loadReferenceData, referenceDataSourcesFromEnv } from './load-reference-data';
import type { ReferenceData } from './reference-data';

/** The tree of the reference data grid-events files cases in, by id. */
const treeOf = ({ document }: ReferenceData) => ({
  cityId: document.city.id,
  districts: document.districts.map((district) => ({
    id: district.id,
    streets: district.streets.map((street) => ({
      id: street.id,
      communities: street.communities.map((community) => ({ id: community.id, gridIds: community.grids.map((grid) => grid.id) })),
    })),
  })),
});

describe('one organisation tree', () => {
  it("is the demo city's reference data, node for node, in a process that names none", () => {
    expect(DEMO_CITY_TREE.document).toEqual(treeOf(loadReferenceData()));
    expect(cityTreeFromEnv({}).document).toEqual(treeOf(loadReferenceData()));
  });

  describe('in a city of its own', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gongzhi-tree-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is the tree every other service loads from the same files as grid-events reads them: a document, or grids of a CSV', () => {
      const shipped = loadReferenceData().document;
      const document = join(dir, 'city.json');
      // 黄浦区 alone, without 南京东路街道's second community.
      const [huangpu] = shipped.districts;
      const streets = huangpu.streets.map((street) => ({ ...street, communities: street.communities.slice(0, 1) }));
      writeFileSync(document, JSON.stringify({ ...shipped, districts: [{ ...huangpu, streets }] }));
      const grids = join(dir, 'grids.csv');
      writeFileSync(
        grids,
        'district_id,district_zh,district_en,street_id,street_zh,street_en,community_id,community_zh,community_en,grid_id,grid_zh,grid_en,households,people,grid_workers,south,west,north,east\n' +
          'district-a,甲区,A,street-a,"甲街道, 东",A St,community-a,甲社区,A Com,grid-a-01,一网格,Grid 1,400,1000,gw-1:张三,31.0,121.0,31.1,121.1\n' +
          'district-a,甲区,A,street-b,乙街道,B St,community-b,乙社区,B Com,grid-b-01,一网格,Grid 1,300,800,,31.1,121.0,31.2,121.1\n',
      );
      expect(cityTreeFromEnv({ GONGZHI_GRID_EVENTS_REFERENCE_DATA: document }).knowsCommunity('community-xingfu')).toBe(false);
      expect(cityTreeFromEnv({ GONGZHI_GRID_EVENTS_GRIDS: grids }).placeOfCommunity('community-b').streetId).toBe('street-b');
      for (const env of [
        { GONGZHI_GRID_EVENTS_REFERENCE_DATA: document },
        { GONGZHI_GRID_EVENTS_GRIDS: grids },
        { GONGZHI_GRID_EVENTS_REFERENCE_DATA: document, GONGZHI_GRID_EVENTS_GRIDS: grids },
      ]) {
        expect(cityTreeFromEnv(env).document).toEqual(treeOf(loadReferenceData(referenceDataSourcesFromEnv(env))));
      }
    });
  });
});
