import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { WithdrawAssistedBallot } from './withdraw-assisted-ballot.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class WithdrawAssistedBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('me/assisted/:topicId/withdrawal')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({
    summary: 'Withdraw the ballot staff recorded for me, before the close (the box drops it; a public event says so, without the choice)',
  })
  withdraw(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal): Promise<{ topicId: string; status: 'withdrawn' }> {
    return this.commands.execute(new WithdrawAssistedBallot({ topicId, resident: p }));
  }
}
