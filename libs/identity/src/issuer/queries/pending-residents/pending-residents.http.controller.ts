import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsNull, type DataSource } from 'typeorm';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import { hasRole, type Principal } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, pendingResidentsAnswer, type AccountView } from '../../account-view';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { DocumentedAnswer } from '../../../http/documented-input';

/** Enough for one office's desk; the oldest first, since they have waited longest. */
const PAGE = 200;

/**
 * Residents waiting for the caller to verify them: unverified, not refused, not disabled, and in the
 * caller's community (community officer) or street (street officer); an admin sees the whole city.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth/accounts')
export class PendingResidentsHttpController {
  constructor(@Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('pending')
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: 'Residents waiting to be verified by you, oldest first' })
  @DocumentedAnswer(pendingResidentsAnswer, 'At most 200, oldest first.')
  async execute(@CurrentPrincipal() officer: Principal): Promise<{ items: AccountView[] }> {
    const waiting = await this.dataSource.getRepository(Account).find({
      where: { verification: 'unverified', refusedAt: IsNull(), disabledAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const mine = waiting.filter((account) => account.roles.includes('resident') && answersFor(officer, account));
    return { items: mine.slice(0, PAGE).map(accountView) };
  }
}

function answersFor(officer: Principal, account: Account): boolean {
  if (hasRole(officer, 'admin')) return true;
  const { communityId, streetId } = account.scope;
  return (
    (hasRole(officer, 'community_officer') && !!communityId && officer.scope.communityId === communityId) ||
    (hasRole(officer, 'street_officer') && !!streetId && officer.scope.streetId === streetId)
  );
}
