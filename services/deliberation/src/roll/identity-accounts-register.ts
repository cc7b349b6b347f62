import { Logger } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { Account, type ReadOnlyAccounts } from '@gongzhi/identity';
import type { DataSource, Repository } from 'typeorm';
import type { RegisteredResident, ResidentRegister, RollPlace } from './resident-register';

const asResident = (account: Account): RegisteredResident => ({
  residentId: account.id,
  displayName: account.displayName,
  communityId: account.scope.communityId ?? null,
  gridId: account.scope.gridId ?? null,
  verified: account.verification === 'verified',
});

/**
 * The register over the issuer's accounts: the only place that knows every resident, their community and grid,
 * and whether an officer verified them — the built-in issuer's own data source (embedded), or the set's issuer's
 * tables read-only (distributed). Staff accounts are not residents, so they are never on a roll.
 */
export class IdentityAccountsRegister implements ResidentRegister {
  constructor(private readonly accounts: () => Promise<Repository<Account>>) {}

  async find(residentId: string): Promise<RegisteredResident | undefined> {
    const account = await (await this.accounts()).findOneBy({ id: residentId });
    return account && account.roles.includes('resident') ? asResident(account) : undefined;
  }

  async verifiedResidentsOf({ communityId, gridId }: RollPlace): Promise<string[]> {
    // Scope is a JSON column: filtered here rather than in SQL, once per opened vote.
    const verified = await (
      await this.accounts()
    ).find({ where: { verification: 'verified' }, select: { id: true, roles: true, scope: true, verification: true } });
    return verified
      .filter((a) => a.roles.includes('resident') && a.scope.communityId === communityId && (gridId === null || a.scope.gridId === gridId))
      .map((a) => a.id)
      .sort();
  }
}

const logger = new Logger('deliberation:roll');

/**
 * The register for this process: the built-in issuer's accounts where the host has them (embedded), the set's
 * issuer's accounts read-only where the set signs its own tokens (distributed), else none. The set's database
 * may be away or its issuer not yet started: a vote is then refused as unavailable, never opened on a short roll.
 */
export function residentRegisterFor(identity: DataSource | undefined, setAccounts: ReadOnlyAccounts | undefined): ResidentRegister {
  if (identity) return new IdentityAccountsRegister(async () => identity.getRepository(Account));
  if (!setAccounts) return UNAVAILABLE_REGISTER;
  const register = new IdentityAccountsRegister(() => setAccounts.repository());
  const orUnavailable = <T>(read: Promise<T>): Promise<T> =>
    read.catch((error: Error) => {
      logger.warn(`the set's accounts could not be read: ${error.message}`);
      throw new DomainError(
        'ROLL.UNAVAILABLE',
        "the residents' accounts cannot be read just now, so the roll of verified residents cannot be drawn; try again shortly",
      );
    });
  return {
    find: (residentId) => orUnavailable(register.find(residentId)),
    verifiedResidentsOf: (place) => orUnavailable(register.verifiedResidentsOf(place)),
  };
}

/**
 * With an external identity provider nothing here knows the residents: a vote cannot be opened and an assisted
 * ballot cannot be checked, rather than counting against a made-up roll.
 */
export const UNAVAILABLE_REGISTER: ResidentRegister = {
  find: () => Promise.reject(unavailable()),
  verifiedResidentsOf: () => Promise.reject(unavailable()),
};

function unavailable(): DomainError {
  return new DomainError('ROLL.UNAVAILABLE', 'no resident register is configured, so the roll of verified residents cannot be drawn');
}
