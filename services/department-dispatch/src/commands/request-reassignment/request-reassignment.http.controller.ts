import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { RequestReassignment } from './request-reassignment.command';
import { requestReassignmentRequest, type RequestReassignmentRequest } from './request-reassignment.request';

@ApiTags('department-dispatch: assignments')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/department-dispatch/assignments/:assignmentId')
export class RequestReassignmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('request-reassignment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the street to reassign the case to another department, with a reason' })
  reassign(
    @Param('assignmentId') assignmentId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(requestReassignmentRequest) body: RequestReassignmentRequest,
  ) {
    return this.commands.execute<RequestReassignment, AssignmentState>(new RequestReassignment({ assignmentId, principal, request: body }));
  }
}
