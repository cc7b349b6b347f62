import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@gongzhi/eventsourcing';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { ValidationFailedError } from '../../../errors';
import type { PrincipalScope } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, type AccountView } from '../../account-view';
import { COMMUNITY_DIRECTORY, type CommunityDirectory } from '../../community-directory';
import { UsernameTakenError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { PASSWORD_HASHER, type PasswordHasher } from '../../password-hash';
import type { RegisterResidentRequest } from './register-resident.request';

export type RegisterResidentCommand = RegisterResidentRequest;

/**
 * A resident signs up for a community and grid and starts unverified: they can report problems at
 * once, but what needs a verified resident (voting) waits until an officer has verified them.
 */
@Injectable()
export class RegisterResidentHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COMMUNITY_DIRECTORY) private readonly communities: CommunityDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: RegisterResidentCommand): Promise<AccountView> {
    const accounts = this.dataSource.getRepository(Account);
    const username = command.username.toLowerCase();
    const scope = await this.placeOf(command.communityId, command.gridId);
    if (await accounts.existsBy({ username })) throw new UsernameTakenError(username);

    const now = this.clock.now();
    const account = accounts.create({
      id: uuidv7(now.getTime()),
      username,
      displayName: command.displayName,
      passwordHash: await this.hasher.hash(command.password),
      roles: ['resident'],
      scope,
      verification: 'unverified',
      phone: command.phone ?? null,
      failedLogins: 0,
      lockedUntil: null,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: now,
    });
    try {
      await accounts.insert(account);
    } catch (error) {
      // Someone took the name between the check and the insert.
      if (await accounts.existsBy({ username })) throw new UsernameTakenError(username);
      throw error;
    }
    return accountView(account);
  }

  private async placeOf(communityId: string, gridId: string): Promise<PrincipalScope> {
    const place = await this.communities.find(communityId);
    if (!place) throw new ValidationFailedError([{ path: 'communityId', message: `no community ${communityId}` }]);
    if (place.gridIds && !place.gridIds.includes(gridId)) {
      throw new ValidationFailedError([{ path: 'gridId', message: `${gridId} is not a grid of ${communityId}` }]);
    }
    const { gridIds: _gridIds, ...parents } = place;
    return { ...parents, communityId, gridId };
  }
}
