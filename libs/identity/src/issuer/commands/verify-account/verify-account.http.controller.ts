import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import type { Principal } from '../../../principal';
import type { AccountView } from '../../account-view';
import { VerifyAccountHandler } from './verify-account.handler';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class VerifyAccountHttpController {
  constructor(private readonly verify: VerifyAccountHandler) {}

  @Post('accounts/:id/verify')
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: "Verify a resident's identity (their community's or street's officer, or an admin)" })
  execute(@Param('id') accountId: string, @CurrentPrincipal() officer: Principal): Promise<AccountView> {
    return this.verify.execute({ accountId, officer });
  }
}
