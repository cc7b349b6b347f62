import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceData, referenceDataSourcesFromEnv } from '@gongzhi/grid-events';
import { authorityCovers, DEMO_CITY_TREE, organisationTreeOfReferenceData } from '@gongzhi/identity';
import { cityTreeFromEnv } from '@gongzhi/platform';
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

  it('is the organisation tree every service of the host loads, as grid-events reads it: a street officer of a grown street acts in its communities', () => {
    const env = withDemoScale({}, dir, 40);
    const tree = cityTreeFromEnv(env);
    expect(tree.document).toEqual(organisationTreeOfReferenceData(loadReferenceData(referenceDataSourcesFromEnv(env)).document).document);
    expect(cityTreeFromEnv({}).document).toEqual(organisationTreeOfReferenceData(loadReferenceData({}).document).document);
    expect(tree.placeOfCommunity('community-scale-3')).toEqual({
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-scale-1',
      communityId: 'community-scale-3',
    });
    const officer = {
      roles: ['street_officer'],
      scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-scale-1' },
    };
    // The demo city's tree alone (what every service but grid-events knew) does not know the street: its officer acted nowhere.
    expect(authorityCovers(officer, DEMO_CITY_TREE.placeOfCommunity('community-scale-1'), ['street_officer'])).toBe(false);
    expect(authorityCovers(officer, tree.placeOfCommunity('community-scale-1'), ['street_officer'])).toBe(true);
    expect(authorityCovers(officer, tree.placeOfCommunity('community-scale-5'), ['street_officer'])).toBe(true);
    expect(authorityCovers(officer, tree.placeOfCommunity('community-scale-6'), ['street_officer'])).toBe(false);
    expect(authorityCovers(officer, tree.placeOfCommunity('community-hexie'), ['street_officer'])).toBe(false);
  });
});
