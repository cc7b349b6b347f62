import type { Principal, PrincipalScope, Role } from '@gongzhi/identity';
import { assertMaySee } from './visibility';

const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
const as = (role: Role, scope: PrincipalScope): Principal => ({ subject: `${role}-1`, roles: [role], scope, verification: 'verified' });
const street = [{ kind: 'street' as const, id: 'street-nanjingdong' }];
const department = [{ kind: 'department' as const, id: 'dept-chengguan' }];

describe("who sees a street's and a department's internal boards", () => {
  it("shows the street's boards to its staff and its district's supervisors", () => {
    for (const staff of [
      as('street_officer', nanjingdong),
      as('community_officer', { ...nanjingdong, communityId: 'community-hexie' }),
      as('grid_worker', { ...nanjingdong, communityId: 'community-hexie', gridId: 'grid-hexie-01' }),
      as('supervisor', huangpu),
      as('admin', { cityId: 'city-shanghai' }),
    ]) {
      expect(() => assertMaySee(staff, street)).not.toThrow();
    }
  });

  it("refuses the street's own residents, another street's officer and another district's supervisor", () => {
    for (const outsider of [
      as('resident', { ...nanjingdong, communityId: 'community-hexie' }),
      as('street_officer', { ...huangpu, streetId: 'street-waitan' }),
      as('supervisor', { cityId: 'city-shanghai', districtId: 'district-jingan' }),
      as('department_staff', { ...nanjingdong, departmentId: 'dept-chengguan' }),
    ]) {
      expect(() => assertMaySee(outsider, street)).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN' }));
    }
  });

  it("shows a department's work to its own staff only, besides supervisors and admins", () => {
    expect(() => assertMaySee(as('department_staff', { ...huangpu, departmentId: 'dept-chengguan' }), department)).not.toThrow();
    expect(() => assertMaySee(as('department_staff', { ...huangpu, departmentId: 'dept-jiaojing' }), department)).toThrow(
      expect.objectContaining({ code: 'AUTH.FORBIDDEN' }),
    );
    expect(() => assertMaySee(as('street_officer', nanjingdong), department)).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN' }));
  });
});
