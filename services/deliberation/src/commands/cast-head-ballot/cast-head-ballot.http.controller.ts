import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { CastHeadBallot } from './cast-head-ballot.command';
import type { HeadBallotReceipt } from './cast-head-ballot.handler';
import { castHeadBallotRequest, type CastHeadBallotRequest } from './cast-head-ballot.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class CastHeadBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':buildingId/head-elections/:electionId/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: 'Cast or change my secret ballot for the building head; the answer is a receipt without the choice' })
  cast(
    @Param('buildingId') buildingId: string,
    @Param('electionId') electionId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(castHeadBallotRequest) body: CastHeadBallotRequest,
  ): Promise<HeadBallotReceipt> {
    return this.commands.execute(new CastHeadBallot({ buildingId, electionId, candidateId: body.candidateId, caller: p }));
  }
}
