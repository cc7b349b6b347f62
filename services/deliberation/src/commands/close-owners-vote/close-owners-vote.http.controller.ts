import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { CloseOwnersVote } from './close-owners-vote.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/owners-votes')
export class CloseOwnersVoteHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':voteId/close')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Close the owners' vote after its window (the deadline also closes it) and count it by homes and by area" })
  close(@Param('voteId') voteId: string, @CurrentPrincipal() p: Principal): Promise<{ voteId: string }> {
    return this.commands.execute(new CloseOwnersVote({ voteId, caller: p }));
  }
}
