import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CITY_TREE } from '@gongzhi/identity';
import { cityTreeFromEnv } from './city-tree';
import { ConfigurationError } from './configuration-error';

const HEADER =
  'district_id,district_zh,district_en,street_id,street_zh,street_en,community_id,community_zh,community_en,grid_id,grid_zh,grid_en,households,people,grid_workers,south,west,north,east\n';
const row = (street: string, community: string, grid: string) =>
  `district-a,甲区,A,${street},"甲街道, 东",A St,${community},甲社区,A Com,${grid},一网格,Grid 1,400,1000,gw-1:张三,31.0,121.0,31.1,121.1\n`;

describe('the city tree a process loads from the reference data the environment names', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gongzhi-city-tree-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("is the shipped demo city's when no reference data is named", () => {
    expect(cityTreeFromEnv({})).toBe(DEMO_CITY_TREE);
    expect(cityTreeFromEnv({ GONGZHI_GRID_EVENTS_REFERENCE_DATA: '  ' })).toBe(DEMO_CITY_TREE);
  });

  it('is the tree of the document GONGZHI_GRID_EVENTS_REFERENCE_DATA names', () => {
    const document = {
      city: { id: 'city-x', name: { zh: '某市', en: 'X' } },
      districts: [{ id: 'd-1', streets: [{ id: 's-1', communities: [{ id: 'c-1', grids: [{ id: 'g-1', households: 3 }] }] }] }],
    };
    const tree = cityTreeFromEnv({ GONGZHI_GRID_EVENTS_REFERENCE_DATA: file('city.json', JSON.stringify(document)) });
    expect(tree.document).toEqual({
      cityId: 'city-x',
      districts: [{ id: 'd-1', streets: [{ id: 's-1', communities: [{ id: 'c-1', gridIds: ['g-1'] }] }] }],
    });
    expect(tree.placeOfCommunity('c-1')).toEqual({ cityId: 'city-x', districtId: 'd-1', streetId: 's-1', communityId: 'c-1' });
  });

  it('is the tree of the grids GONGZHI_GRID_EVENTS_GRIDS names, one a row, under the city of the document', () => {
    const grids = file(
      'grids.csv',
      HEADER +
        row('street-a', 'community-a', 'grid-a-01') +
        row('street-a', 'community-a', 'grid-a-02') +
        row('street-b', 'community-b', 'grid-b-01'),
    );
    expect(cityTreeFromEnv({ GONGZHI_GRID_EVENTS_GRIDS: grids }).document).toEqual({
      cityId: 'city-shanghai',
      districts: [
        {
          id: 'district-a',
          streets: [
            { id: 'street-a', communities: [{ id: 'community-a', gridIds: ['grid-a-01', 'grid-a-02'] }] },
            { id: 'street-b', communities: [{ id: 'community-b', gridIds: ['grid-b-01'] }] },
          ],
        },
      ],
    });
  });

  it('stops the start, naming the variable, when a file cannot be read or holds no tree', () => {
    const missing = join(dir, 'missing.json');
    const problems = (env: Record<string, string>) => {
      try {
        cityTreeFromEnv(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as ConfigurationError).problems;
      }
      throw new Error('loaded');
    };
    expect(problems({ GONGZHI_GRID_EVENTS_REFERENCE_DATA: missing })).toEqual([
      expect.stringMatching(/^GONGZHI_GRID_EVENTS_REFERENCE_DATA: cannot read .*missing\.json/),
    ]);
    expect(problems({ GONGZHI_GRID_EVENTS_REFERENCE_DATA: file('bad.json', '{"city":{"id":"c"},"districts":[]}') })).toEqual([
      expect.stringMatching(/^GONGZHI_GRID_EVENTS_REFERENCE_DATA: the organisation tree in .*bad\.json is invalid: districts/),
    ]);
    expect(problems({ GONGZHI_GRID_EVENTS_GRIDS: file('no-grid.csv', HEADER + row('street-a', 'community-a', '')) })).toEqual([
      expect.stringMatching(/^GONGZHI_GRID_EVENTS_GRIDS: .*no-grid\.csv line 2: grid_id not set/),
    ]);
  });
});
