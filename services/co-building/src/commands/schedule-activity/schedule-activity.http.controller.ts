import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ActivityState } from '../../domain/activity/activity.decider';
import { ScheduleActivity } from './schedule-activity.command';
import { scheduleActivityRequest, type ScheduleActivityRequest } from './schedule-activity.request';

@ApiTags('co-building: activities')
@ApiBearerAuth()
@Controller('api/co-building')
export class ScheduleActivityHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('activities')
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Schedule an activity of the community: its start, capacity (1–500) and when sign-up opens' })
  schedule(@CurrentPrincipal() principal: Principal, @ZodBody(scheduleActivityRequest) body: ScheduleActivityRequest) {
    return this.commands.execute<ScheduleActivity, ActivityState['activity']>(new ScheduleActivity({ principal, activity: body }));
  }
}
