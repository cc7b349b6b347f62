import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import type { PresentedWhistle } from '../../queries/work/whistle.view';
import { CheckInToWhistle } from './check-in-to-whistle.command';
import { checkInToWhistleRequest, type CheckInToWhistleRequest } from './check-in-to-whistle.request';

@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/whistles/:whistleId')
export class CheckInToWhistleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('check-in')
  @HttpCode(200)
  @Idempotent()
  @Allow({ role: 'department_staff', scope: 'department' })
  @ApiOperation({ summary: "Check in (报到) for the caller's department; its task starts with its own deadline" })
  checkIn(
    @Param('whistleId') whistleId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(checkInToWhistleRequest) body: CheckInToWhistleRequest,
  ) {
    return this.commands.execute<CheckInToWhistle, PresentedWhistle>(new CheckInToWhistle({ whistleId, principal, madeAt: body?.madeAt }));
  }
}
