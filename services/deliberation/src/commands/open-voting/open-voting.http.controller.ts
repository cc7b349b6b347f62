import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { OpenVoting } from './open-voting.command';
import type { OpenedVoting } from './open-voting.handler';
import { openVotingRequest, type OpenVotingRequest } from './open-voting.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class OpenVotingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/voting')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'Open voting (民事民决): window of 3–7 days, options, scope, quorum, threshold; the roll is every verified resident of the scope now',
  })
  openVoting(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(openVotingRequest) body: OpenVotingRequest,
  ): Promise<OpenedVoting> {
    return this.commands.execute(new OpenVoting({ topicId, caller: p, request: body }));
  }
}
