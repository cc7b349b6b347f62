import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CompleteCommunityTask } from './complete-community-task.command';
import { completeCommunityTaskRequest, type CompleteCommunityTaskRequest } from './complete-community-task.request';

@ApiTags('department-dispatch: community tasks')
@ApiBearerAuth()
@Controller('api/department-dispatch/community-tasks/:taskId/complete')
export class CompleteCommunityTaskHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Report a task pushed to the community done, with a note' })
  complete(
    @Param('taskId') taskId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(completeCommunityTaskRequest) request: CompleteCommunityTaskRequest,
  ) {
    return this.commands.execute(new CompleteCommunityTask({ taskId, principal, request }));
  }
}
