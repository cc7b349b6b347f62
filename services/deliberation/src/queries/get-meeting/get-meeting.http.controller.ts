import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { Public } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { councilDecider, meetingStreamId } from '../../domain/council/council.decider';
import type { CouncilEvent } from '../../domain/council/council.events';
import { ApiOkFrom } from '@gongzhi/platform';
import { meetingRecordResponse, publicRecord } from './meeting-record';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class GetMeetingHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':meetingId')
  @Public()
  @ApiOperation({
    summary:
      'The public record of a meeting: agenda, ground rules, moderator, decisions, minutes, agreement and its commitments (overdue flagged)',
  })
  @ApiOkFrom(meetingRecordResponse, 'The public record of the meeting.')
  async record(@Param('meetingId') meetingId: string) {
    const { events } = await this.infrastructure.eventStore.readStream(meetingStreamId(meetingId));
    const state = fold(
      councilDecider,
      events.map((e) => toDomainEvent<CouncilEvent>(e)),
    );
    if (state.status === 'None') throw new DomainError('MEETING.NOT_FOUND', `no meeting ${meetingId}`);
    return publicRecord(state);
  }
}
