import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class GetTopicHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':topicId')
  @ApiOperation({ summary: 'A topic with its stage, voting spec and, once closed, the tally (never who chose what)' })
  async get(@Param('topicId') topicId: string) {
    const { events } = await this.infrastructure.eventStore.readStream(topicStreamId(topicId));
    const state = fold(
      topicDecider,
      events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (state.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    const { meeting, voting, evaluations, roll: _roll, ...topic } = state;
    // The state keeps only the group's id; the page names the group as it was named when the topic was scoped to it.
    const scoped = events.map((e) => toDomainEvent<TopicEvent>(e)).find((e) => e.type === 'TopicScopedToGroup');
    return {
      ...topic,
      groupName: scoped?.type === 'TopicScopedToGroup' ? scoped.data.groupName : null,
      meeting: meeting && { meetingId: meeting.meetingId, at: meeting.at, attendance: meeting.attendees.length },
      // The roster is for eligibility checks, not for the public page.
      voting: voting && { ...voting, eligibility: { ...voting.eligibility, roster: null } },
      evaluation: {
        count: evaluations.length,
        average: evaluations.length ? evaluations.reduce((s, e) => s + e.score, 0) / evaluations.length : null,
      },
    };
  }
}
