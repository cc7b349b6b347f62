import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { AcknowledgeAssignment } from './acknowledge-assignment.command';

@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class AcknowledgeAssignmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge (签收) the assignment' })
  acknowledge(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal) {
    return this.commands.execute<AcknowledgeAssignment, AssignmentState>(new AcknowledgeAssignment({ assignmentId, principal }));
  }
}
