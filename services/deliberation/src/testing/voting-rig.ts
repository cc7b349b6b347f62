import type { DataSource } from 'typeorm';
import { fold, toDomainEvent, uuidv7, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import { DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BallotBox } from '../ballot-box/ballot-box';
import { TopicCommands } from '../application/topic-commands';
import { CastBallot } from '../commands/cast-ballot/cast-ballot.command';
import { CastBallotHandler } from '../commands/cast-ballot/cast-ballot.handler';
import { CloseVoting } from '../commands/close-voting/close-voting.command';
import { CloseVotingHandler } from '../commands/close-voting/close-voting.handler';
import { CLOSE_VOTING_TIMER } from '../deliberation.tokens';
import type { Caller } from '../domain/caller';
import type { TopicCommand } from '../domain/topic/topic.commands';
import type { TopicEvent } from '../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../domain/topic/topic.decider';
import type { TopicState } from '../domain/topic/topic.state';

export const RIG_COMMUNITY = 'community-rig';

export const rigResident = (n: number): Caller => ({
  subject: `resident-${n}`,
  roles: ['resident'],
  scope: { communityId: RIG_COMMUNITY, gridId: `grid-rig-${n % 20}` },
  verification: 'verified',
});
const officer: Caller = {
  subject: 'officer-rig',
  roles: ['community_officer'],
  scope: { communityId: RIG_COMMUNITY },
  verification: 'verified',
};

/**
 * The voting command path without HTTP — the same handlers the module registers, on a store and a
 * database the caller chooses — for the 1,000-voter test and the votes benchmark.
 */
export async function openVotingRig(
  eventStore: EventStore,
  dataSource: DataSource,
  clock: Clock,
  secret = 'rig-secret-0123456789abcdef0123456789',
) {
  const infrastructure = { eventStore, dataSource, clock } as unknown as ServiceInfrastructure;
  const ballotBox = await BallotBox.open(dataSource, clock, Buffer.from(secret));
  const closeHandler = new CloseVotingHandler(infrastructure, ballotBox);
  const scheduler = new DurableScheduler({
    dataSource,
    clock,
    handlers: {
      [CLOSE_VOTING_TIMER]: (payload) => closeHandler.execute(new CloseVoting({ topicId: (payload as { topicId: string }).topicId })),
    },
  });
  const topics = new TopicCommands(infrastructure, scheduler);
  const ballots = new CastBallotHandler(infrastructure, ballotBox);

  return {
    ballotBox,
    scheduler,
    /** A topic taken through proposal, screening, consultation and discussion to voting, closing in `days`; residents 1…n on the roll. */
    async openTopicForVoting(eligibleVoters: number, days = 3): Promise<string> {
      const topicId = uuidv7();
      const run = (command: TopicCommand, caller: Caller) => topics.execute(topicId, command, caller);
      await run(
        {
          type: 'ProposeTopic',
          data: { topicId, communityId: RIG_COMMUNITY, gridId: null, title: '加装电梯', description: '老人上下楼难', anonymous: false },
        },
        rigResident(0),
      );
      await run({ type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } }, officer);
      await run({ type: 'OpenConsultation', data: { draftPlan: null } }, officer);
      await run({ type: 'OpenDiscussion', data: { meetingAt: null } }, officer);
      await run(
        {
          type: 'OpenVoting',
          data: {
            closesAt: new Date(clock.now().getTime() + days * 864e5).toISOString(),
            options: [
              { optionId: 'yes', label: '同意' },
              { optionId: 'no', label: '反对' },
              { optionId: 'abstain', label: '弃权' },
            ],
            eligibility: { scope: 'community', scopeId: RIG_COMMUNITY, roster: null, verifiedOnly: true },
            verifiedResidents: Array.from({ length: eligibleVoters }, (_, n) => rigResident(n + 1).subject),
            quorumPercent: 50,
            passThresholdPercent: 50,
          },
        },
        officer,
      );
      return topicId;
    },
    cast: (topicId: string, voter: Caller, optionId: string) => ballots.execute(new CastBallot({ topicId, optionId, caller: voter })),
    async topic(topicId: string): Promise<TopicState> {
      const { events } = await eventStore.readStream(topicStreamId(topicId));
      return fold(
        topicDecider,
        events.map((e) => toDomainEvent<TopicEvent>(e)),
      );
    },
  };
}
