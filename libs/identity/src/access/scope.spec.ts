import { ForbiddenError } from '../errors';
import type { Principal } from '../principal';
import { assertInAnyScope, assertInScope } from './scope';

const officer: Principal = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { streetId: 'street-nanjingdong', communityId: 'community-hexie' },
  verification: 'verified',
};

const forbidden = (act: () => void): ForbiddenError => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return error as ForbiddenError;
  }
  throw new Error('expected a ForbiddenError');
};

describe('assertInScope', () => {
  it('passes for the principal’s own community', () => {
    expect(() => assertInScope(officer, 'community', 'community-hexie')).not.toThrow();
  });

  it('names the scope needed and the one held', () => {
    expect(forbidden(() => assertInScope(officer, 'community', 'community-xingfu'))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      message: 'needs scope community community-xingfu (has community community-hexie)',
    });
  });

  it('says so when the principal has no scope of that kind', () => {
    expect(forbidden(() => assertInScope(officer, 'department', 'dept-chengguan')).message).toBe(
      'needs scope department dept-chengguan (has no department scope)',
    );
  });
});

describe('assertInAnyScope', () => {
  it('passes when one of the scopes is the principal’s', () => {
    const alternatives = [
      { kind: 'community', id: 'community-xingfu' },
      { kind: 'street', id: 'street-nanjingdong' },
    ] as const;

    expect(() => assertInAnyScope(officer, alternatives)).not.toThrow();
  });

  it('names every alternative when none is', () => {
    const alternatives = [
      { kind: 'community', id: 'community-xingfu' },
      { kind: 'street', id: 'street-waitan' },
    ] as const;

    expect(forbidden(() => assertInAnyScope(officer, alternatives)).message).toBe(
      'needs scope community community-xingfu or street street-waitan (has community community-hexie, street street-nanjingdong)',
    );
  });

  it('lets nobody in when there is no scope to be in', () => {
    expect(forbidden(() => assertInAnyScope(officer, [])).code).toBe('AUTH.FORBIDDEN');
  });
});
