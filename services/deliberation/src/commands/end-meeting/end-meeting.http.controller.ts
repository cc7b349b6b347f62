import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { EndMeeting } from './end-meeting.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class EndMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the meeting; its record stays public' })
  end(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal): Promise<{ meetingId: string }> {
    return this.commands.execute(new EndMeeting({ meetingId, caller: p }));
  }
}
