import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { ReportAssignmentProgress } from './report-assignment-progress.command';
import { reportAssignmentProgressRequest, type ReportAssignmentProgressRequest } from './report-assignment-progress.request';

@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class ReportAssignmentProgressHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report progress with a note and photos' })
  progress(
    @Param('assignmentId') assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(reportAssignmentProgressRequest) body: ReportAssignmentProgressRequest,
  ) {
    return this.commands.execute<ReportAssignmentProgress, AssignmentState>(
      new ReportAssignmentProgress({ assignmentId, principal, request: body }),
    );
  }
}
