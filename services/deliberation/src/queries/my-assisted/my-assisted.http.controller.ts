import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assistedStreamId, type AssistedEvent } from '../../domain/assisted/assisted.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { AssistedBallotRecorded } from '@gongzhi/contracts';
import { ApiOkFrom } from '@gongzhi/platform';
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const recorded = AssistedBallotRecorded.schema.pick({ topicId: true, assistantId: true, consent: true });

export const myAssistedResponse = z.object({
  ballots: z.array(
    recorded.extend({
      ballotId: z.string(),
      assistantRole: z.string(),
      recordedAt: instant,
      status: z.enum(['recorded', 'withdrawn', 'replaced']).describe('replaced: I voted myself since'),
      withdrawnAt: instant.optional(),
      title: z.string().nullable(),
      closesAt: instant.nullable(),
      choice: z.array(z.string()).nullable().describe('My own choice, shown to me only'),
      withdrawable: z.boolean(),
    }),
  ),
  comments: z.array(recorded.extend({ commentId: z.string(), recordedAt: instant })),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class MyAssistedHttpController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  @Get('me/assisted')
  @Allow('resident')
  @ApiOperation({ summary: 'What staff recorded for me, including my own ballot choice (shown to me only), withdrawable until the close' })
  @ApiOkFrom(myAssistedResponse, 'The ballots and opinions staff recorded for the caller.')
  async mine(@CurrentPrincipal() p: Principal) {
    const { events } = await this.infrastructure.eventStore.readStream(assistedStreamId(p.subject));
    const now = this.infrastructure.clock.now().getTime();
    const ballots = new Map<string, Record<string, unknown>>();
    const comments: Record<string, unknown>[] = [];
    for (const recorded of events) {
      const event = toDomainEvent<AssistedEvent>(recorded);
      switch (event.type) {
        case 'AssistedBallotRecorded':
          ballots.set(event.data.ballotId, {
            topicId: event.data.topicId,
            ballotId: event.data.ballotId,
            recordedAt: recorded.occurredAt,
            assistantId: event.data.assistantId,
            assistantRole: event.data.assistantRole,
            consent: event.data.consent,
            status: 'recorded',
          });
          break;
        case 'AssistedBallotWithdrawn':
          ballots.set(event.data.ballotId, { ...ballots.get(event.data.ballotId), status: 'withdrawn', withdrawnAt: recorded.occurredAt });
          break;
        case 'AssistedCommentRecorded':
          comments.push({
            topicId: event.data.topicId,
            commentId: event.data.commentId,
            recordedAt: recorded.occurredAt,
            assistantId: event.data.assistantId,
            consent: event.data.consent,
          });
          break;
      }
    }
    const view = [];
    for (const ballot of ballots.values()) {
      const topicId = ballot.topicId as string;
      const topic = fold(
        topicDecider,
        (await this.infrastructure.eventStore.readStream(topicStreamId(topicId))).events.map((e) => toDomainEvent<TopicEvent>(e)),
      );
      const open = topic.status === 'Voting' && !!topic.voting && now < Date.parse(topic.voting.closesAt);
      const inBox = ballot.status === 'recorded' ? await this.ballotBox.isAssisted(topicId, p.subject) : null;
      view.push({
        ...ballot,
        // Replaced: the resident voted themselves since; the box holds their own ballot, not this one.
        ...(ballot.status === 'recorded' && inBox === false ? { status: 'replaced' } : {}),
        title: topic.status === 'None' ? null : topic.title,
        closesAt: topic.status !== 'None' ? (topic.voting?.closesAt ?? null) : null,
        choice: inBox === true ? await this.ballotBox.choiceOf(topicId, p.subject) : null,
        withdrawable: open && ballot.status === 'recorded' && inBox === true,
      });
    }
    return { ballots: view, comments };
  }
}
