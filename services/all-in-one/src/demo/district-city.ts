import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData, type ReferenceData } from '@gongzhi/grid-events';

type Document = ReferenceData['document'];
type Street = Document['districts'][number]['streets'][number];

const GRIDS_PER_COMMUNITY = 8;
const COMMUNITIES_PER_STREET = 5;
const STREET_NAMES = ['外滩', '半淞园路', '小东门', '老西门', '豫园', '打浦桥', '淮海中路', '瑞金二路', '五里桥', '南浦'];
const COMMUNITY_NAMES = ['光明', '和平', '友谊', '新华', '建设', '复兴', '长乐', '安居', '春晖', '育才', '康乐', '东升'];

/**
 * The shipped demo city grown to a district (`GONGZHI_DEMO_SCALE`): its own streets, communities and accounts stay
 * as they are, and 黄浦区 gains streets of five communities of eight grids each, every grid a block of the map
 * with households, people and a grid worker, so the map, the wall screen and the benchmarks have a city's worth.
 */
export function districtCity(communities: number): Document {
  const shipped = loadReferenceData({}).document;
  const { south, west, north, east } = districtArea(shipped);
  const streets: Street[] = [];
  const columns = Math.ceil(Math.sqrt(communities * GRIDS_PER_COMMUNITY));
  const rows = Math.ceil((communities * GRIDS_PER_COMMUNITY) / columns);
  const height = (north - south) / rows;
  const width = (east - west) / columns;
  let block = 0;
  for (let c = 0; c < communities; c++) {
    const s = Math.floor(c / COMMUNITIES_PER_STREET);
    if (!streets[s]) {
      const zh = `${STREET_NAMES[s % STREET_NAMES.length]}${s >= STREET_NAMES.length ? Math.floor(s / STREET_NAMES.length) + 1 : ''}街道`;
      streets[s] = { id: `street-scale-${s + 1}`, name: { zh, en: `Street ${s + 1}` }, communities: [] };
    }
    const communityId = `community-scale-${c + 1}`;
    const grids = Array.from({ length: GRIDS_PER_COMMUNITY }, (_, g) => {
      const row = Math.floor(block / columns);
      const column = block++ % columns;
      // A margin inside each block, so neighbouring grids are drawn apart.
      const bounds = {
        south: south + row * height + height * 0.05,
        north: south + (row + 1) * height - height * 0.05,
        west: west + column * width + width * 0.05,
        east: west + (column + 1) * width - width * 0.05,
      };
      const households = 300 + ((c * 37 + g * 53) % 200);
      return {
        id: `grid-scale-${c + 1}-${String(g + 1).padStart(2, '0')}`,
        name: { zh: `第${g + 1}网格`, en: `Grid ${g + 1}` },
        households,
        people: Math.round(households * 2.6),
        gridWorkers: [{ id: `grid-worker-scale-${c + 1}-${g + 1}`, name: `网格员${c + 1}-${g + 1}` }],
        bounds,
      };
    });
    streets[s].communities.push({
      id: communityId,
      name: { zh: `${COMMUNITY_NAMES[c % COMMUNITY_NAMES.length]}社区${c + 1}`, en: `Community ${c + 1}` },
      grids,
    });
  }
  return {
    ...shipped,
    districts: shipped.districts.map((district) =>
      district.id === 'district-huangpu' ? { ...district, streets: [...district.streets, ...streets] } : district,
    ),
  };
}

/** Half the side of the generated district, in degrees (about 4.5 km): a district, not the whole city. */
const HALF_SIDE = 0.04;

/** A square around the shipped district's grids, inside the city's bounds, that the generated grids tile. */
function districtArea(shipped: Document): Document['city']['bounds'] {
  const grids = shipped.districts.find((d) => d.id === 'district-huangpu')!.streets.flatMap((s) => s.communities.flatMap((c) => c.grids));
  const lat = grids.reduce((sum, g) => sum + (g.bounds.south + g.bounds.north) / 2, 0) / grids.length;
  const long = grids.reduce((sum, g) => sum + (g.bounds.west + g.bounds.east) / 2, 0) / grids.length;
  const city = shipped.city.bounds;
  return {
    south: Math.max(city.south, lat - HALF_SIDE),
    north: Math.min(city.north, lat + HALF_SIDE),
    west: Math.max(city.west, long - HALF_SIDE),
    east: Math.min(city.east, long + HALF_SIDE),
  };
}

/**
 * The environment with the district-sized city as grid-events' reference data (written into the data folder), unless
 * the small city is asked for or the operator names reference data of their own.
 */
export function withDemoScale(env: Readonly<Record<string, string | undefined>>, dataDir: string, communities: number | null) {
  if (communities === null || env.GONGZHI_GRID_EVENTS_REFERENCE_DATA || env.GONGZHI_GRID_EVENTS_GRIDS) return env;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `demo-city-${communities}-communities.json`);
  writeFileSync(file, JSON.stringify(districtCity(communities)));
  return { ...env, GONGZHI_GRID_EVENTS_REFERENCE_DATA: file };
}
