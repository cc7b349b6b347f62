import type { Targets } from '../simulate-targets';
import { Actor } from './actor';
import { pick } from './random';

export interface Grid {
  id: string;
  communityId: string;
  bounds: { south: number; west: number; north: number; east: number };
}
export interface Category {
  code: string;
  leadDepartmentId: string;
  evaluationRequired: boolean;
  name: { zh: string };
}

/** One kind of everyday action, how often it happens, and the work; false when it finds nothing to do. */
export type Action = readonly [name: string, weight: number, run: () => Promise<boolean>];

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗';
const GIVEN = ['秀英', '建国', '桂芳', '志强', '丽华', '海燕', '红梅', '国庆', '明', '静', '磊', '芳', '勇', '敏'];

/** The people and places every domain of the simulation acts among. */
export class City {
  residents: Actor[] = [];
  staff!: Record<'gridWorker' | 'communityOfficer' | 'streetOfficer' | 'department' | 'admin', Actor>;
  grids: Grid[] = [];
  categories: Category[] = [];
  streetId = 'street-nanjingdong';
  departmentId = 'dept-chengguan';

  constructor(readonly base: Targets) {}

  async setUp(runId: string): Promise<void> {
    const demo = (role: string) => new Actor(this.base, `demo-${role}`, `demo-${role}-2026`).login();
    const [gridWorker, communityOfficer, streetOfficer, department, admin, resident] = await Promise.all(
      ['grid-worker', 'community-officer', 'street-officer', 'department-staff', 'admin', 'resident'].map(demo),
    );
    this.staff = { gridWorker, communityOfficer, streetOfficer, department, admin };
    this.residents.push(resident);

    const organisation = (await admin.call('GET', '/api/organisation')).data;
    for (const district of organisation.districts) {
      for (const street of district.streets) {
        if (street.id !== this.streetId) continue;
        for (const community of street.communities)
          for (const grid of community.grids) this.grids.push({ id: grid.id, communityId: community.id, bounds: grid.bounds });
      }
    }
    this.categories = (await admin.call('GET', '/api/categories')).data.categories;

    // Neighbours of the demo resident: registered, verified by their officer, with a name on the leaderboard.
    const hexieGrids = this.grids.filter((g) => g.communityId === 'community-hexie');
    for (let i = 0; i < 8; i++) {
      const grid = pick(hexieGrids);
      const username = `sim-${runId}-${i + 1}`;
      const displayName = `${pick([...SURNAMES])}${pick(GIVEN)}`;
      const registered = await admin.call('POST', '/api/auth/register', {
        username,
        password: 'sim-resident-password',
        displayName,
        communityId: grid.communityId,
        gridId: grid.id,
      });
      if (registered.status !== 201) continue;
      await communityOfficer.call('POST', `/api/auth/accounts/${registered.data.id}/verify`);
      const neighbour = await new Actor(this.base, username, 'sim-resident-password').login();
      await neighbour.call('PUT', '/api/points/me/profile', { displayName });
      this.residents.push(neighbour);
    }
  }
}
