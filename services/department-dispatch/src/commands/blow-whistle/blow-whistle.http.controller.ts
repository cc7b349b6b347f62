import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { PresentedWhistle } from '../../queries/work/whistle.view';
import { BlowWhistle } from './blow-whistle.command';
import { blowWhistleRequest, type BlowWhistleRequest } from './blow-whistle.request';

@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/streets/:streetId/whistles')
export class BlowWhistleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow({ role: 'street_officer', scope: 'street' })
  @ApiOperation({ summary: 'Blow the whistle (吹哨): summon departments, who must check in (报到) within the deadline' })
  blow(
    @Param('streetId') streetId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(blowWhistleRequest) body: BlowWhistleRequest,
  ) {
    return this.commands.execute<BlowWhistle, PresentedWhistle>(new BlowWhistle({ streetId, principal, request: body }));
  }
}
