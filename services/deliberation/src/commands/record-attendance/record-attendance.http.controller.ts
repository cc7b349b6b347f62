import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { RecordAttendance } from './record-attendance.command';
import { recordAttendanceRequest, type RecordAttendanceRequest } from './record-attendance.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class RecordAttendanceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/attendance')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Record who attended the topic's meeting" })
  attendance(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordAttendanceRequest) body: RecordAttendanceRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new RecordAttendance({ topicId, caller: p, request: body }));
  }
}
