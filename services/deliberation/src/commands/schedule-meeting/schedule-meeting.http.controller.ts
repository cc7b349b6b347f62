import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { ScheduleMeeting } from './schedule-meeting.command';
import { scheduleMeetingRequest, type ScheduleMeetingRequest } from './schedule-meeting.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class ScheduleMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Call a council meeting (红茶议事会): agenda, moderator; the ground rules 不批评、不指责、不打断 come with it' })
  schedule(
    @CurrentPrincipal() p: Principal,
    @ZodBody(scheduleMeetingRequest) body: ScheduleMeetingRequest,
  ): Promise<{ meetingId: string }> {
    return this.commands.execute(new ScheduleMeeting({ caller: p, meeting: body }));
  }
}
