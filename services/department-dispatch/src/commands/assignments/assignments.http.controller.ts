import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { AssignmentCommand } from '../../domain/assignment/assignment.commands';
import { ExecuteAssignmentCommand } from '../execute-assignment-command';
import {
  completeRequest,
  declineRequest,
  progressRequest,
  reassignRequest,
  type CompleteRequest,
  type DeclineRequest,
  type ProgressRequest,
  type ReassignRequest,
} from './assignment.requests';

/** A department's work on its assignments: 签收, progress, done, or back to the street. Staff act for their own department only. */
@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class AssignmentsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge (签收) the assignment' })
  acknowledge(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal) {
    return this.run(assignmentId, principal, { type: 'AcknowledgeAssignment' });
  }

  @Post('progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report progress with a note and photos' })
  progress(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal, @ZodBody(progressRequest) body: ProgressRequest) {
    return this.run(assignmentId, principal, { type: 'ReportAssignmentProgress', ...body });
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report the work done, with notes and after-photos' })
  complete(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal, @ZodBody(completeRequest) body: CompleteRequest) {
    return this.run(assignmentId, principal, { type: 'CompleteAssignment', ...body });
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline (not our responsibility) before acknowledging; back to the street with a reason' })
  decline(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal, @ZodBody(declineRequest) body: DeclineRequest) {
    return this.run(assignmentId, principal, { type: 'DeclineAssignment', kind: 'declined', ...body });
  }

  @Post('request-reassignment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the street to reassign the case to another department, with a reason' })
  reassign(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal, @ZodBody(reassignRequest) body: ReassignRequest) {
    return this.run(assignmentId, principal, { type: 'DeclineAssignment', kind: 'reassignment_requested', ...body });
  }

  private async run(assignmentId: string, principal: Principal, command: AssignmentCommand) {
    const metadata = commandMetadataFor(principal, this.infrastructure.clock.now());
    const result = await this.commands.execute(
      new ExecuteAssignmentCommand(assignmentId, command, metadata, principal.scope.departmentId),
    );
    return result.state;
  }
}
