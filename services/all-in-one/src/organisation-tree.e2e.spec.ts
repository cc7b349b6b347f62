import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ManualClock } from '@gongzhi/eventsourcing';
import { loadReferenceData } from '@gongzhi/grid-events';
import { communityDirectoryOf, DEMO_ACCOUNTS, IdentityModule } from '@gongzhi/identity';
import { cityTreeFromEnv } from '@gongzhi/platform';
import { loadPointsSettings } from '@gongzhi/points';
import { registerResident } from '@gongzhi/testing';
import { categoryCodesOfTheCity } from './organisation-tree';

// One source of truth for places: the host's issuer registers residents against the organisation tree the
// cases use, and the points service's badges are checked against the catalogue the cases use.
describe('the host knows one organisation tree and one catalogue', () => {
  const tree = loadReferenceData();
  const communities = [...new Map(tree.allGrids().map((place) => [place.communityId, place])).values()];
  let app: INestApplication;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-places-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        IdentityModule.forEmbedded({
          secret: randomBytes(32).toString('hex'),
          database: { type: 'better-sqlite3', database: join(dataDir, 'identity.sqlite') },
          demoAccounts: DEMO_ACCOUNTS,
          onDemoAccountsCreated: () => undefined,
          communities: communityDirectoryOf(() => cityTreeFromEnv({})),
          clock: new ManualClock(new Date('2026-11-26T09:00:00.000Z')),
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const register = (communityId: string, gridId: string) => registerResident(baseUrl, { communityId, gridId });

  it('lists four communities in the demo city, on three streets', () => {
    expect(communities.length).toBe(4);
    expect(new Set(communities.map((c) => c.streetId)).size).toBe(3);
  });

  it.each(communities.map((place) => [place.communityId, place] as const))(
    'registers a resident of %s, with the street above it in their scope',
    async (_id, place) => {
      const registered = await register(place.communityId, place.grid.id);
      expect(registered).toMatchObject({
        status: 201,
        body: {
          verification: 'unverified',
          scope: { districtId: place.districtId, streetId: place.streetId, communityId: place.communityId, gridId: place.grid.id },
        },
      });
    },
  );

  it('refuses a made-up community and a grid of another community, naming the field', async () => {
    expect(await register('community-nowhere', 'grid-hexie-01')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'communityId' }] },
    });
    expect(await register('community-yanping', 'grid-hexie-01')).toMatchObject({ status: 400, body: { errors: [{ path: 'gridId' }] } });
  });

  it('starts the points service with its default badges, every one of which some category of the catalogue can earn', () => {
    const codes = categoryCodesOfTheCity({});
    const { config } = loadPointsSettings({}, { categoryCodes: codes });
    for (const badge of config.badges.filter((b) => b.categoryPrefixes.length > 0)) {
      expect({
        badge: badge.name,
        earnedBy: codes.filter((code) => badge.categoryPrefixes.some((p) => code.startsWith(p))).length > 0,
      }).toEqual({
        badge: badge.name,
        earnedBy: true,
      });
    }
  });
});
