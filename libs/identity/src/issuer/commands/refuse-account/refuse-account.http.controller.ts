import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { Principal } from '../../../principal';
import type { AccountView } from '../../account-view';
import { RefuseAccountHandler } from './refuse-account.handler';
import { RefuseAccountRequestSchema, type RefuseAccountRequest } from './refuse-account.request';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class RefuseAccountHttpController {
  constructor(private readonly refuse: RefuseAccountHandler) {}

  @Post('accounts/:id/refuse')
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({
    summary: "Refuse to verify a resident, with the reason they will read (their community's or street's officer, or an admin)",
  })
  execute(
    @Param('id') accountId: string,
    @ZodBody(RefuseAccountRequestSchema) body: RefuseAccountRequest,
    @CurrentPrincipal() officer: Principal,
  ): Promise<AccountView> {
    return this.refuse.execute({ accountId, reason: body.reason, officer });
  }
}
