import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { DeclineAssignment } from './decline-assignment.command';
import { declineAssignmentRequest, type DeclineAssignmentRequest } from './decline-assignment.request';

@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class DeclineAssignmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline (not our responsibility) before acknowledging; back to the street with a reason' })
  decline(
    @Param('assignmentId') assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(declineAssignmentRequest) body: DeclineAssignmentRequest,
  ) {
    return this.commands.execute<DeclineAssignment, AssignmentState>(new DeclineAssignment({ assignmentId, principal, request: body }));
  }
}
