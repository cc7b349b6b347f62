import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../access/decorators';
import type { Principal } from '../../../principal';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class GetMeHttpController {
  @Get('me')
  @ApiOperation({ summary: 'Who the access token speaks for' })
  execute(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
