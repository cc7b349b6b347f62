import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { StartMeeting } from './start-meeting.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class StartMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the meeting (the moderator or an officer); its live record starts' })
  start(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal): Promise<{ meetingId: string }> {
    return this.commands.execute(new StartMeeting({ meetingId, caller: p }));
  }
}
