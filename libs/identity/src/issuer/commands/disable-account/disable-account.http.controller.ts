import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import type { Principal } from '../../../principal';
import type { AccountView } from '../../account-view';
import { SetAccountDisabledHandler } from './disable-account.handler';

@ApiTags('auth')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/auth/accounts')
export class DisableAccountHttpController {
  constructor(private readonly setDisabled: SetAccountDisabledHandler) {}

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account (admin): no login or refresh, and its access tokens stop working at once' })
  disable(@Param('id') accountId: string, @CurrentPrincipal() admin: Principal): Promise<AccountView> {
    return this.setDisabled.execute({ accountId, disabled: true, admin });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (admin)' })
  enable(@Param('id') accountId: string, @CurrentPrincipal() admin: Principal): Promise<AccountView> {
    return this.setDisabled.execute({ accountId, disabled: false, admin });
  }
}
