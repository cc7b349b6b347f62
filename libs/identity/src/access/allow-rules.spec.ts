import type { Principal } from '../principal';
import { missingForRules } from './allow-rules';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  subject: 'p-1',
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
  ...overrides,
});

describe('missingForRules', () => {
  it('lets in a principal holding the role', () => {
    expect(missingForRules(principal(), ['resident'])).toBeUndefined();
  });

  it('names the missing role and the roles held', () => {
    expect(missingForRules(principal(), ['street_officer'])).toBe('needs role street_officer (has resident)');
    expect(missingForRules(principal({ roles: [] }), ['admin'])).toBe('needs role admin (has no role)');
  });

  it('lets in a principal satisfying any one of several rules', () => {
    const rules = ['resident', { role: 'street_officer', scope: 'street' }] as const;

    expect(missingForRules(principal({ roles: ['street_officer'], scope: { streetId: 'street-nanjingdong' } }), rules)).toBeUndefined();
    expect(missingForRules(principal(), rules)).toBeUndefined();
  });

  it('requires a scope claim of the kind a rule names', () => {
    const officerWithoutStreet = principal({ roles: ['street_officer'], scope: {} });

    expect(missingForRules(officerWithoutStreet, [{ role: 'street_officer', scope: 'street' }])).toBe(
      'needs role street_officer with a street scope (has street_officer, no street scope)',
    );
  });

  it('lists every alternative when none is met', () => {
    const rules = [{ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin'] as const;

    expect(missingForRules(principal({ roles: ['grid_worker'] }), rules)).toBe(
      'needs role community_officer with a community scope or role street_officer with a street scope or role admin (has grid_worker)',
    );
  });

  it('requires a verified identity when a rule asks for one', () => {
    const rules = [{ role: 'resident', verified: true }] as const;

    expect(missingForRules(principal({ verification: 'unverified' }), rules)).toBe(
      'needs role resident with verified identity (has resident, unverified)',
    );
    expect(missingForRules(principal(), rules)).toBeUndefined();
  });
});
