import { ROLES } from '../principal';
import { DEMO_COMMUNITIES } from './community-directory';
import { DEMO_ACCOUNTS } from './demo-accounts';

describe('DEMO_ACCOUNTS', () => {
  it('has one account per role, with a password that says it is a demo', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    for (const account of DEMO_ACCOUNTS) expect(account.password).toMatch(/^demo-[a-z-]+-2026$/);
  });

  it('places the community-bound accounts in a community of the demo directory', async () => {
    const hexie = await DEMO_COMMUNITIES.find('community-hexie');
    const resident = DEMO_ACCOUNTS.find((a) => a.role === 'resident');

    expect(hexie?.gridIds).toContain(resident?.scope.gridId);
    expect(resident?.scope.streetId).toBe(hexie?.streetId);
  });
});
