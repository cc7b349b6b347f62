import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { CompleteAssignment } from './complete-assignment.command';
import { completeAssignmentRequest, type CompleteAssignmentRequest } from './complete-assignment.request';

@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class CompleteAssignmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report the work done, with notes and after-photos' })
  complete(
    @Param('assignmentId') assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(completeAssignmentRequest) body: CompleteAssignmentRequest,
  ) {
    return this.commands.execute<CompleteAssignment, AssignmentState>(new CompleteAssignment({ assignmentId, principal, request: body }));
  }
}
