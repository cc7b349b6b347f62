import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { SignAgreement } from './sign-agreement.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class SignAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agreement/signatures')
  @ApiOperation({ summary: 'Sign the agreement for the party (or parties) I sign for; anyone else is refused (403)' })
  sign(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal): Promise<{ meetingId: string }> {
    return this.commands.execute(new SignAgreement({ meetingId, caller: p }));
  }
}
