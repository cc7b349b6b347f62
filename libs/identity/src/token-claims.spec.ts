import { principalFromClaims, claimsFromPrincipal } from './token-claims';
import { toActor } from './principal';

describe('machine principals in the access token', () => {
  it('reads a client-credentials token (client_id equal to sub, RFC 9068 §2.2) as the machine itself, whose actor is a service', () => {
    const read = principalFromClaims({
      sub: 'demo-department-system',
      client_id: 'demo-department-system',
      roles: ['department_staff'],
      department: 'dept-chengguan',
      vl: 'verified',
    });
    expect(read).toEqual({
      principal: {
        subject: 'demo-department-system',
        roles: ['department_staff'],
        scope: { departmentId: 'dept-chengguan' },
        verification: 'verified',
        kind: 'service',
      },
    });
    if ('principal' in read)
      expect(toActor(read.principal)).toEqual({ id: 'demo-department-system', kind: 'service', roles: ['department_staff'] });
  });

  it('reads a person signed in through some client app (client_id naming the app, not the subject) as that person', () => {
    const read = principalFromClaims({ sub: 'resident-7', client_id: 'resident-app', roles: ['resident'] });
    expect('principal' in read && read.principal.kind).toBeUndefined();
    if ('principal' in read) expect(toActor(read.principal).kind).toBe('user');
  });

  it('writes client_id only for a machine, so a round trip keeps who is a machine', () => {
    const machine = { subject: 'demo-analytics', roles: [], scope: {}, verification: 'verified', kind: 'service' } as const;
    expect(claimsFromPrincipal(machine)).toMatchObject({ sub: 'demo-analytics', client_id: 'demo-analytics' });
    expect(principalFromClaims(claimsFromPrincipal(machine))).toEqual({ principal: machine });
    expect(claimsFromPrincipal({ subject: 'resident-7', roles: ['resident'], scope: {}, verification: 'verified' })).not.toHaveProperty(
      'client_id',
    );
  });
});
