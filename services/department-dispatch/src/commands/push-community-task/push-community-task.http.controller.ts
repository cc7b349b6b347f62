import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { PushCommunityTask } from './push-community-task.command';
import type { PushedCommunityTask } from './push-community-task.handler';
import { pushCommunityTaskRequest, type PushCommunityTaskRequest } from './push-community-task.request';

@ApiTags('department-dispatch: community tasks')
@ApiBearerAuth()
@Controller('api/department-dispatch/departments/:departmentId/community-tasks')
export class PushCommunityTaskHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @Allow({ role: 'department_staff', scope: 'department' })
  @ApiOperation({
    summary: 'Push a task down to a community (下派任务), with a deadline at least a day away; it counts in the community’s load',
  })
  push(
    @Param('departmentId') departmentId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(pushCommunityTaskRequest) request: PushCommunityTaskRequest,
  ) {
    return this.commands.execute<PushCommunityTask, PushedCommunityTask>(new PushCommunityTask({ departmentId, principal, request }));
  }
}
