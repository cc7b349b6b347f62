import { commandMetadataFor, toActor, type Principal } from './principal';
import { principalFromClaims } from './token-claims';

const officer: Principal = {
  subject: 'officer-7',
  displayName: '赵志强',
  roles: ['street_officer'],
  scope: { streetId: 'street-nanjingdong' },
  verification: 'verified',
};

describe('the actor of a command', () => {
  it('is the principal as a user with its roles', () => {
    expect(toActor(officer)).toEqual({ id: 'officer-7', kind: 'user', roles: ['street_officer'] });
  });

  it('goes into the command metadata with the injected time and the correlation id', () => {
    const now = new Date('2026-03-01T09:00:00Z');

    expect(commandMetadataFor(officer, now, { correlationId: 'corr-1' })).toEqual({
      actor: { id: 'officer-7', kind: 'user', roles: ['street_officer'] },
      now,
      correlationId: 'corr-1',
    });
  });

  it('names no one when the resident acts anonymously: the public envelope carries the anonymous actor', () => {
    const resident: Principal = { subject: 'resident-42', roles: ['resident'], scope: {}, verification: 'verified' };

    expect(commandMetadataFor(resident, new Date('2026-03-01T09:00:00Z'), { anonymous: true }).actor).toEqual({
      id: 'anonymous',
      kind: 'user',
      roles: ['resident'],
    });
  });

  it('is a registered client as a service, and a timer with the system role as the system', () => {
    const now = new Date('2026-03-01T09:00:00Z');

    expect(commandMetadataFor({ ...officer, kind: 'service' }, now).actor).toEqual({ id: 'officer-7', kind: 'service', roles: ['street_officer'] });
    expect(commandMetadataFor({ subject: 'deliberation-deadline', roles: ['system'] }, now).actor).toEqual({ id: 'deliberation-deadline', kind: 'system' });
  });

  it('cannot be made the system by a token that claims the system role: unknown roles are dropped on reading', () => {
    const read = principalFromClaims({ sub: 'resident-42', roles: ['resident', 'system'], vl: 'verified' });
    if (!('principal' in read)) throw new Error(read.fault);

    expect(commandMetadataFor(read.principal, new Date('2026-03-01T09:00:00Z')).actor).toEqual({ id: 'resident-42', kind: 'user', roles: ['resident'] });
  });
});
