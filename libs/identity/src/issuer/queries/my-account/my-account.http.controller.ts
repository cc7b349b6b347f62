import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import type { Principal } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, accountViewSchema, type AccountView } from '../../account-view';
import { AccountNotFoundError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { DocumentedAnswer } from '../../../http/documented-input';

/**
 * The caller's own account as the issuer keeps it, beyond what the token says: above all an officer's
 * refusal to verify them and its reason, which the resident must read to know what to bring.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth/me/account')
export class MyAccountHttpController {
  constructor(@Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ErrorAnswers(404)
  @ApiOperation({ summary: 'Your own account: verification, and the reason if an officer could not verify you' })
  @DocumentedAnswer(accountViewSchema, 'Your account: never the password or the lock counters.')
  async execute(@CurrentPrincipal() caller: Principal): Promise<AccountView> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: caller.subject });
    if (!account) throw new AccountNotFoundError(caller.subject);
    return accountView(account);
  }
}
