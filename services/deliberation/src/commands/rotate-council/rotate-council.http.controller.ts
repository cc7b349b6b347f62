import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RotateCouncil } from './rotate-council.command';
import type { RotatedTerm } from './rotate-council.handler';
import { rotateCouncilRequest, type RotateCouncilRequest } from './rotate-council.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/councils')
export class RotateCouncilHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/rotations')
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Start a new council term: draw its members from the volunteers, resting those who just served' })
  @ApiZodBody(rotateCouncilRequest)
  rotate(
    @Param('communityId') communityId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(rotateCouncilRequest) body: RotateCouncilRequest,
  ): Promise<RotatedTerm> {
    return this.commands.execute(new RotateCouncil({ communityId, caller: p, request: body }));
  }
}
