import { commandMetadataFor, toActor, type Principal } from './principal';

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

    expect(commandMetadataFor(officer, now, 'corr-1')).toEqual({
      actor: { id: 'officer-7', kind: 'user', roles: ['street_officer'] },
      now,
      correlationId: 'corr-1',
    });
  });
});
