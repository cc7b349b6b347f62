import { DomainError } from '@gongzhi/eventsourcing';
import { Account } from '@gongzhi/identity';
import type { DataSource } from 'typeorm';
import type { RegisteredResident, ResidentRegister, RollPlace } from './resident-register';

const asResident = (account: Account): RegisteredResident => ({
  residentId: account.id,
  communityId: account.scope.communityId ?? null,
  gridId: account.scope.gridId ?? null,
  verified: account.verification === 'verified',
});

/**
 * The register over the built-in issuer's accounts (the embedded default): the only place today that knows
 * every resident, their community and grid, and whether an officer verified them. Staff accounts are not
 * residents, so they are never on a roll.
 */
export class IdentityAccountsRegister implements ResidentRegister {
  constructor(private readonly identity: DataSource) {}

  async find(residentId: string): Promise<RegisteredResident | undefined> {
    const account = await this.identity.getRepository(Account).findOneBy({ id: residentId });
    return account && account.roles.includes('resident') ? asResident(account) : undefined;
  }

  async verifiedResidentsOf({ communityId, gridId }: RollPlace): Promise<string[]> {
    // Scope is a JSON column: filtered here rather than in SQL, once per opened vote.
    const verified = await this.identity.getRepository(Account).find({ where: { verification: 'verified' }, select: ['id', 'roles', 'scope', 'verification'] });
    return verified
      .filter((a) => a.roles.includes('resident') && a.scope.communityId === communityId && (gridId === null || a.scope.gridId === gridId))
      .map((a) => a.id)
      .sort();
  }
}

/**
 * Without the built-in issuer (an external identity provider) nothing here knows the residents: a vote
 * cannot be opened and an assisted ballot cannot be checked, rather than counting against a made-up roll.
 */
export const UNAVAILABLE_REGISTER: ResidentRegister = {
  find: () => Promise.reject(unavailable()),
  verifiedResidentsOf: () => Promise.reject(unavailable()),
};

function unavailable(): DomainError {
  return new DomainError('ROLL.UNAVAILABLE', 'no resident register is configured, so the roll of verified residents cannot be drawn');
}
