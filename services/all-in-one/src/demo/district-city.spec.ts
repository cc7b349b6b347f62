import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceData, referenceDataSourcesFromEnv } from '@gongzhi/grid-events';
import { districtCity, withDemoScale } from './district-city';

describe('a district-sized demo city (GONGZHI_DEMO_SCALE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-district-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('grows the shipped city by tens of communities and hundreds of grids, each a block of the map', () => {
    const env = withDemoScale({}, dir, 40);
    const city = loadReferenceData(referenceDataSourcesFromEnv(env));
    const shipped = loadReferenceData({});
    const grown = city.allGrids().filter((place) => place.grid.id.startsWith('grid-scale-'));
    expect(grown).toHaveLength(320);
    expect(new Set(grown.map((place) => place.communityId)).size).toBe(40);
    expect(new Set(grown.map((place) => place.streetId)).size).toBe(8);
    // The demo accounts' own places are still there.
    expect(city.findGrid('grid-hexie-01')).toEqual(shipped.findGrid('grid-hexie-01'));
    // Drawn around the shipped district (about 9 km across), not spread over the whole city.
    const bounds = { south: 31.19, north: 31.29, west: 121.42, east: 121.53 };
    for (const { grid } of grown) {
      expect(grid.bounds.south).toBeGreaterThanOrEqual(bounds.south);
      expect(grid.bounds.north).toBeLessThanOrEqual(bounds.north);
      expect(grid.bounds.west).toBeGreaterThanOrEqual(bounds.west);
      expect(grid.bounds.east).toBeLessThanOrEqual(bounds.east);
      expect(grid.gridWorkers).toHaveLength(1);
    }
  });

  it('is the same city every time, and leaves reference data an operator named alone', () => {
    expect(JSON.stringify(districtCity(12))).toBe(JSON.stringify(districtCity(12)));
    const own = { GONGZHI_GRID_EVENTS_REFERENCE_DATA: '/srv/city.json' };
    expect(withDemoScale(own, dir, 40)).toBe(own);
    const small = {};
    expect(withDemoScale(small, dir, null)).toBe(small);
  });
});
