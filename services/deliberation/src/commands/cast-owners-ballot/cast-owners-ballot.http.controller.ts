import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { CastOwnersBallot } from './cast-owners-ballot.command';
import type { OwnersBallotReceipt } from './cast-owners-ballot.handler';
import { castOwnersBallotRequest, type CastOwnersBallotRequest } from './cast-owners-ballot.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/owners-votes')
export class CastOwnersBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':voteId/homes/:homeId/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: "Cast my home's secret ballot as its owner (one per home); the answer is a receipt without the choice" })
  cast(
    @Param('voteId') voteId: string,
    @Param('homeId') homeId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(castOwnersBallotRequest) body: CastOwnersBallotRequest,
  ): Promise<OwnersBallotReceipt> {
    return this.commands.execute(new CastOwnersBallot({ voteId, homeId, optionId: body.optionId, caller: p }));
  }
}
