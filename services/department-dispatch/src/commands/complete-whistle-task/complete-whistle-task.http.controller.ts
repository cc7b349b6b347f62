import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { PresentedWhistle } from '../../queries/work/whistle.view';
import { CompleteWhistleTask } from './complete-whistle-task.command';
import { completeWhistleTaskRequest, type CompleteWhistleTaskRequest } from './complete-whistle-task.request';

@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/whistles/:whistleId')
export class CompleteWhistleTaskHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('task/complete')
  @HttpCode(200)
  @Allow({ role: 'department_staff', scope: 'department' })
  @ApiOperation({ summary: "Mark the caller's department's task done; the last one resolves the whistle" })
  complete(
    @Param('whistleId') whistleId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(completeWhistleTaskRequest) body: CompleteWhistleTaskRequest,
  ) {
    return this.commands.execute<CompleteWhistleTask, PresentedWhistle>(new CompleteWhistleTask({ whistleId, principal, request: body }));
  }
}
