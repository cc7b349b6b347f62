import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { CastBallot } from './cast-ballot.command';
import type { BallotReceipt } from './cast-ballot.handler';
import { castBallotRequest, type CastBallotRequest } from './cast-ballot.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class CastBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':topicId/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: 'Cast or change my secret ballot until the close; the answer is a receipt without the choice' })
  castBallot(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(castBallotRequest) body: CastBallotRequest,
  ): Promise<BallotReceipt> {
    return this.commands.execute(new CastBallot({ topicId, optionId: body.optionId, caller: p }));
  }
}
