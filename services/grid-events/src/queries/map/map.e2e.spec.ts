import { edgeConfigSchema } from '@gongzhi/platform';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from '../../index';
import { gridAtAnswer, mapAnswer } from './map.response';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const inXingfu02 = { lat: 31.2445, long: 121.48 };
/** In the city, under no grid's box: filed under the nearest grid. */
const betweenGrids = { lat: 31.232, long: 121.46 };
const beijing = { lat: 39.9042, long: 116.4074 };
const TILES = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';

describe('the map: where a report at a point is filed, asked before sending', () => {
  let app: TestApp;
  let resident: string;

  beforeAll(async () => {
    const env = { GONGZHI_MAP_TILE_URL: TILES, GONGZHI_MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' };
    app = await startTestApp([gridEventsService], { env, edge: edgeConfigSchema.parse(env) });
    resident = await app.tokenFor('resident');
  });
  afterAll(async () => {
    await app?.close();
  });

  const at = (point: { lat: number; long: number } | Record<string, string>, token?: string) =>
    app.request('GET', `/api/grids/at?${new URLSearchParams(Object.entries(point).map(([k, v]): [string, string] => [k, String(v)]))}`, {
      token,
    });

  it('names the grid, community and address a report at the point is filed under, as the report then files it', async () => {
    const answer = await at(inXingfu02, resident);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      gridId: 'grid-xingfu-02',
      gridName: { zh: '幸福社区第二网格' },
      communityName: { zh: '幸福社区' },
      insideGrid: true,
      addressHint: { zh: expect.stringContaining('幸福社区第二网格') },
    });
    gridAtAnswer.parse(answer.body);
    // The resident's home grid is hexie-01; the point decides, and the report agrees with the answer.
    const reported = await app.request('POST', '/api/cases', {
      token: resident,
      body: { categoryCode: 'city.road.pothole', description: '路面坑洼', location: inXingfu02 },
    });
    expect(reported.status).toBe(201);
    expect(reported.body.gridId).toBe(answer.body.gridId);
  });

  it('says when a point lies under no grid and the nearest grid takes it', async () => {
    const answer = await at(betweenGrids, resident);
    expect(answer.status).toBe(200);
    expect(answer.body.insideGrid).toBe(false);
    expect(typeof answer.body.gridId).toBe('string');
  });

  it('refuses a point outside the city in plain words, naming the location', async () => {
    const answer = await at(beijing, resident);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('LOCATION.OUTSIDE_CITY');
    expect(JSON.stringify(answer.body)).toContain('location');
  });

  it.each([
    ['lat', { lat: 'north', long: String(inHexie01.long) }],
    ['lat', { lat: '91', long: String(inHexie01.long) }],
    ['long', { lat: String(inHexie01.lat), long: '200' }],
    ['long', { lat: String(inHexie01.lat) }],
  ])('refuses a bad %s with 400 naming it', async (field, point) => {
    const answer = await at(point, resident);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION.FAILED');
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });

  it('answers only those who may report: the unsigned are asked to sign in, department staff are refused', async () => {
    expect((await at(inHexie01)).status).toBe(401);
    expect((await at(inHexie01, await app.tokenFor('department_staff'))).status).toBe(403);
    expect((await at(inHexie01, await app.tokenFor('grid_worker'))).status).toBe(200);
  });

  it('serves the configured base map and the city to anyone, with the tiles named by configuration', async () => {
    const answer = await app.request('GET', '/api/map');
    expect(answer.status).toBe(200);
    expect(answer.body.tiles).toEqual({ urlTemplate: TILES, attribution: '© OpenStreetMap contributors' });
    expect(answer.body.city.id).toBe('city-shanghai');
    mapAnswer.parse(answer.body);
  });

  it("lets the browser load the configured tile server's images, and no other site's", async () => {
    const policy = (await fetch(`${app.url}/health`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("img-src 'self' data: blob: https://*.tile.openstreetmap.org;");
  });
});

describe('the map without a tile server', () => {
  it('serves no tiles by default, so the app draws the grids alone', async () => {
    const app = await startTestApp([gridEventsService]);
    try {
      const answer = await app.request('GET', '/api/map');
      expect(mapAnswer.parse(answer.body).tiles).toBeNull();
      expect((await fetch(`${app.url}/health`)).headers.get('content-security-policy')).toContain("img-src 'self' data: blob:;");
    } finally {
      await app.close();
    }
  });

  it('refuses a tile URL without {z}/{x}/{y} at start, naming the variable', async () => {
    await expect(startTestApp([gridEventsService], { env: { GONGZHI_MAP_TILE_URL: 'https://tiles.example/map.png' } })).rejects.toThrow(
      /GONGZHI_MAP_TILE_URL/,
    );
  });
});
