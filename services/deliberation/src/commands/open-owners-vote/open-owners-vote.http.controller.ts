import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { OFFICER_ROLES } from '../../domain/caller';
import { OpenOwnersVote } from './open-owners-vote.command';
import type { OpenedOwnersVote } from './open-owners-vote.handler';
import { openOwnersVoteRequest, type OpenOwnersVoteRequest } from './open-owners-vote.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/owners-votes')
export class OpenOwnersVoteHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Open an owners' vote (全体业主投票): one ballot per home, by homes, by floor area or by both" })
  @ApiZodBody(openOwnersVoteRequest)
  open(@CurrentPrincipal() p: Principal, @ZodBody(openOwnersVoteRequest) body: OpenOwnersVoteRequest): Promise<OpenedOwnersVote> {
    return this.commands.execute(new OpenOwnersVote({ request: body, caller: p }));
  }
}
