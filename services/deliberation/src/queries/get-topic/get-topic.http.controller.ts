import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { TopicCompleted, TopicDecided, TopicScreened, VotingClosed, VotingOpened } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';

const instant = z.iso.datetime({ offset: true });

export const topicResponse = z.object({
  status: z.enum([
    'AwaitingCoSigners',
    'Proposed',
    'Accepted',
    'Rejected',
    'Merged',
    'Consultation',
    'Discussion',
    'Voting',
    'VotingClosed',
    'Decided',
    'Implementation',
    'Completed',
  ]),
  topicId: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  buildingId: z
    .string()
    .nullable()
    .describe("小事不出楼栋: a topic of one building, for its residents alone; null for a community's topic"),
  groupId: z.string().nullable().describe('兴趣社团: a topic of one interest group, for its members alone'),
  groupName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  anonymous: z.boolean(),
  proposerId: z.string().nullable().describe('Null when the proposer chose to stay anonymous'),
  coSignersNeeded: z.number().int().describe('联署: how many co-signers the topic waits for (0: none)'),
  coSignerIds: z.array(z.string()),
  anonymousProposerMark: z.string().nullable(),
  screening: TopicScreened.schema.nullable(),
  draftPlan: z.string().nullable(),
  stakeholderInputs: z.number().int(),
  meeting: z.object({ meetingId: z.string(), at: instant.nullable(), attendance: z.number().int() }).nullable(),
  voting: VotingOpened.schema
    .extend({ eligibility: VotingOpened.schema.shape.eligibility.extend({ roster: z.null().describe('Never published') }) })
    .nullable(),
  result: VotingClosed.schema.nullable(),
  decision: TopicDecided.schema.nullable(),
  progressPercent: z.number(),
  completion: TopicCompleted.schema.nullable(),
  evaluation: z.object({ count: z.number().int(), average: z.number().nullable() }),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class GetTopicHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':topicId')
  @ApiOperation({ summary: 'A topic with its stage, voting spec and, once closed, the tally (never who chose what)' })
  @ApiOkFrom(topicResponse, 'The topic; voting shows counts only, never who chose what.')
  async get(@Param('topicId') topicId: string): Promise<AnswerOf<typeof topicResponse>> {
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
