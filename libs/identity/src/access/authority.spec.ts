import type { PrincipalScope, Role } from '../principal';
import { assertAuthorityCovers, authorityCovers, isResidentOf } from './authority';
import { cityTree } from './city-tree';

const actor = (role: Role, scope: PrincipalScope, verification: 'verified' | 'unverified' = 'verified') => ({
  roles: [role],
  scope,
  verification,
});
const hexie = cityTree().placeOfCommunity('community-hexie');
const xingfu = cityTree().placeOfCommunity('community-xingfu');
const huangpuhe = cityTree().placeOfCommunity('community-huangpuhe');
const yanping = cityTree().placeOfCommunity('community-yanping');
const OFFICERS = ['community_officer', 'street_officer', 'admin'] as const;

describe('authority over a place', () => {
  it('a community officer covers their own community only', () => {
    const officer = actor('community_officer', { ...hexie });
    expect(authorityCovers(officer, hexie, OFFICERS)).toBe(true);
    expect(authorityCovers(officer, xingfu, OFFICERS)).toBe(false);
  });

  it("a street officer covers the communities of their street, not another street's", () => {
    const officer = actor('street_officer', cityTree().placeOfStreet('street-nanjingdong'));
    expect(authorityCovers(officer, hexie, OFFICERS)).toBe(true);
    expect(authorityCovers(officer, xingfu, OFFICERS)).toBe(true);
    expect(authorityCovers(officer, huangpuhe, OFFICERS)).toBe(false);
    expect(authorityCovers(officer, yanping, OFFICERS)).toBe(false);
  });

  it('a supervisor covers their district only; an admin covers everywhere', () => {
    const supervisor = actor('supervisor', { cityId: 'city-shanghai', districtId: 'district-huangpu' });
    expect(authorityCovers(supervisor, huangpuhe, ['supervisor'])).toBe(true);
    expect(authorityCovers(supervisor, yanping, ['supervisor'])).toBe(false);
    expect(authorityCovers(actor('admin', { cityId: 'city-shanghai' }), yanping, ['admin'])).toBe(true);
  });

  it('a role the rule does not name covers nothing, however wide its scope', () => {
    expect(authorityCovers(actor('supervisor', { districtId: 'district-huangpu' }), hexie, ['community_officer', 'street_officer'])).toBe(
      false,
    );
    expect(authorityCovers(actor('resident', { ...hexie }), hexie, OFFICERS)).toBe(false);
  });

  it('an unknown community has no street, so no street officer covers it (fails closed)', () => {
    const unknown = cityTree().placeOfCommunity('community-made-up');
    expect(unknown).toEqual({ communityId: 'community-made-up' });
    expect(authorityCovers(actor('street_officer', { streetId: 'street-nanjingdong' }), unknown, OFFICERS)).toBe(false);
    expect(authorityCovers(actor('street_officer', {}), { communityId: 'x' }, OFFICERS)).toBe(false);
  });

  it('refuses with a 403 error that names who may act where', () => {
    expect(() =>
      assertAuthorityCovers(actor('street_officer', { streetId: 'street-waitan' }), hexie, ['street_officer'], 'screen topics'),
    ).toThrow(
      expect.objectContaining({
        code: 'AUTH.FORBIDDEN',
        message: 'only street_officer with authority over community-hexie may screen topics',
      }),
    );
  });

  it('a resident belongs to their own community; verified only when asked for', () => {
    expect(isResidentOf(actor('resident', { ...hexie }), hexie, { verified: true })).toBe(true);
    expect(isResidentOf(actor('resident', { ...hexie }, 'unverified'), hexie, { verified: true })).toBe(false);
    expect(isResidentOf(actor('resident', { ...xingfu }), hexie)).toBe(false);
    expect(isResidentOf(actor('resident', { ...hexie, gridId: 'grid-hexie-01' }), cityTree().placeOfGrid('grid-hexie-02'))).toBe(false);
  });
});
