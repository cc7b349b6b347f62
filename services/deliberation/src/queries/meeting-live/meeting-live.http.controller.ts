import { Controller, Inject, Param, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { Public } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { councilDecider, meetingStreamId } from '../../domain/council/council.decider';
import type { CouncilEvent } from '../../domain/council/council.events';
import type { MeetingState } from '../../domain/council/council.state';
import { publicRecord } from '../get-meeting/meeting-record';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';

const POLL_MS = 250;
const HEARTBEAT_MS = 25_000;

/**
 * The public live record of a council meeting (直播): what is decided, as it is decided. Reads the meeting's
 * own stream (and, for a meeting about a topic, the topic's vote: turnout while it runs, the tally when it
 * closes), so it works the same embedded and distributed. Nothing here is secret: ballots appear as counts.
 */
@ApiTags('deliberation')
@Controller('api/deliberation/meetings')
export class MeetingLiveHttpController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  @Sse(':meetingId/live')
  @Public()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Live record of a council meeting (server-sent events)',
    description:
      '`event: record` with the whole public record on connect; then one message per new event of the meeting, named by its type ' +
      '(`MeetingDecisionRecorded`, `MeetingMinutesRecorded`, `AgreementSigned`, `CommitmentOverdue` …) with its data; for a meeting about ' +
      'a topic, `event: turnout` `{topicId, ballotsCast}` while its vote runs and `event: VotingClosed` with the tally; ' +
      '`event: ended` after CouncilMeetingEnded, then the stream closes. `event: heartbeat` every 25 s. The record stays at GET /api/deliberation/meetings/:id.',
  })
  live(@Param('meetingId') meetingId: string): Observable<MessageEvent> {
    const { eventStore, clock } = this.infrastructure;
    return new Observable<MessageEvent>((subscriber) => {
      let version = 0;
      let topicVersion = 0;
      let turnout = -1;
      let state: MeetingState = councilDecider.initialState();
      let stopped = false;
      let busy = false;

      const pump = async () => {
        if (stopped || busy) return;
        busy = true;
        try {
          const { events } = await eventStore.readStream(meetingStreamId(meetingId), { fromVersion: version + 1 });
          const first = version === 0;
          for (const recorded of events) {
            const event = toDomainEvent<CouncilEvent>(recorded);
            state = councilDecider.evolve(state, event);
            version = recorded.streamVersion;
            if (!first) subscriber.next({ type: event.type, data: event.data });
          }
          if (first) {
            if (state.status === 'None') {
              subscriber.next({ type: 'error', data: { code: 'MEETING.NOT_FOUND', message: `no meeting ${meetingId}` } });
              return finish();
            }
            subscriber.next({ type: 'record', data: publicRecord(state) });
          }
          if (state.status !== 'None' && state.topicId) await topicFigures(state.topicId);
          if (state.status === 'Ended') {
            subscriber.next({ type: 'ended', data: publicRecord(state) });
            return finish();
          }
        } catch (error) {
          subscriber.error(error);
          stopped = true;
        } finally {
          busy = false;
        }
      };

      const topicFigures = async (topicId: string) => {
        const { events } = await eventStore.readStream(topicStreamId(topicId));
        const topic = fold(
          topicDecider,
          events.map((e) => toDomainEvent<TopicEvent>(e)),
        );
        if (topic.status === 'Voting') {
          const ballotsCast = await this.ballotBox.ballotCount(topicId);
          if (ballotsCast !== turnout)
            subscriber.next({ type: 'turnout', data: { topicId, ballotsCast, eligibleVoters: topic.voting?.eligibleVoters ?? null } });
          turnout = ballotsCast;
        }
        for (const recorded of events.slice(topicVersion)) {
          if (recorded.type === 'VotingClosed' && topicVersion > 0)
            subscriber.next({ type: 'VotingClosed', data: recorded.data as object });
        }
        topicVersion = events.length;
      };

      const finish = () => {
        stopped = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        unsubscribe?.();
        subscriber.complete();
      };
      const poll = setInterval(() => void pump(), POLL_MS);
      poll.unref();
      const heartbeat = setInterval(() => subscriber.next({ type: 'heartbeat', data: { at: clock.now().toISOString() } }), HEARTBEAT_MS);
      heartbeat.unref();
      const unsubscribe = eventStore.onAppended?.(() => void pump());
      void pump();
      return () => {
        stopped = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        unsubscribe?.();
      };
    });
  }
}
