import type { EntityManager } from 'typeorm';
import { TOPICS, deliberationContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf } from '../figures/city-day';
import { BatchRows } from '../read-models/batch-rows';
import { CounterDeltas } from '../read-models/counter-deltas';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
import { AssistedBallotFact } from '../read-models/assisted-ballot.entity';
import { AdoptedSuggestion, DeliberationDaily, TopicFact, type TopicStage } from '../read-models/deliberation.entities';
import { eventsOf, publicEventParser, type DashboardProjector, type Figure, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isDeliberationEvent = eventsOf(deliberationContracts);
type DeliberationEventType = (typeof deliberationContracts)[number]['type'];
const MOVES_ADOPTED_LIST = new Set<string>(['SuggestionAdopted', 'ImplementationProgressReported', 'TopicCompleted']);

/**
 * The resident council (议事厅): topics by stage, turnout and results of votes, meeting attendance, and
 * the adopted-suggestions list (居民建议落地清单). A ballot is counted, never attributed.
 *
 * The topic row changes only on events of the topic's own stream (topic-<id>), which every bus keeps in
 * order. Ballots and comments come on other streams: they only add to counters, so the order in which
 * Kafka delivers them does not change the figures a replay gives.
 */
export function deliberationProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-deliberation',
    topics: [TOPICS.deliberation],
    parser: publicEventParser,
    entities: [TopicFact, AdoptedSuggestion, DeliberationDaily, AssistedBallotFact],
    figures: ['deliberation', 'adopted-suggestions'],
    figuresOf: (event): Figure[] =>
      !isDeliberationEvent(event) ? [] : MOVES_ADOPTED_LIST.has(event.type) ? ['deliberation', 'adopted-suggestions'] : ['deliberation'],
    async handle(event: PublicEvent, manager: EntityManager) {
      if (!isDeliberationEvent(event)) return;
      await deliberationStep(event, timeZone, {
        topic: (topicId) => manager.findOneBy(TopicFact, { topicId }),
        suggestion: (topicId) => manager.findOneBy(AdoptedSuggestion, { topicId }),
        saveTopic: async (topic) => void (await manager.save(TopicFact, topic)),
        saveSuggestion: async (suggestion) => void (await manager.save(AdoptedSuggestion, suggestion)),
        saveAssistedBallot: async (ballot) => void (await manager.save(AssistedBallotFact, ballot)),
        withdrawAssistedBallot: async (ballotId) => void (await manager.update(AssistedBallotFact, { ballotId }, { withdrawn: true })),
        count: (day, dimensions, deltas) => addToCounters(manager, DeliberationDaily, day, dimensions, deltas),
      });
    },
    /**
     * The same steps for a batch: its topics, adopted suggestions and withdrawn assisted ballots read in one
     * query each and changed in memory, then one upsert per table and one increment per counter row. Ballots,
     * the bulk of the council's events, only add to counters.
     */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const mine = events.filter(isDeliberationEvent);
      const topicIds = mine.flatMap((e) => ('topicId' in e.data && isTopicStreamEvent(e) ? [e.data.topicId] : []));
      const topics = await new BatchRows(TopicFact, (t) => t.topicId, ['topicId']).load(manager, 'topicId', topicIds);
      const suggestions = await new BatchRows(AdoptedSuggestion, (a) => a.topicId, ['topicId']).load(manager, 'topicId', topicIds);
      const withdrawn = mine.flatMap((e) => (e.type === 'AssistedBallotWithdrawn' ? [e.data.ballotId] : []));
      const assisted = await new BatchRows(AssistedBallotFact, (b) => b.ballotId, ['ballotId']).load(manager, 'ballotId', withdrawn);
      const counters = new CounterDeltas();
      for (const event of mine) {
        await deliberationStep(event, timeZone, {
          topic: async (topicId) => topics.get(topicId),
          suggestion: async (topicId) => suggestions.get(topicId),
          saveTopic: async (topic) => topics.put(topic),
          saveSuggestion: async (suggestion) => suggestions.put(suggestion),
          saveAssistedBallot: async (ballot) => assisted.put(ballot),
          withdrawAssistedBallot: async (ballotId) => {
            const ballot = assisted.get(ballotId);
            if (ballot) assisted.put({ ...ballot, withdrawn: true });
          },
          count: async (day, dimensions, deltas) => counters.add(day, dimensions, deltas),
        });
      }
      await topics.writeTo(manager);
      await suggestions.writeTo(manager);
      await assisted.writeTo(manager);
      await counters.writeTo(manager, DeliberationDaily);
    },
  };
}

interface DeliberationWrites {
  /** The topic's row as stored (a copy the step may change), null when there is none. */
  topic(topicId: string): Promise<TopicFact | null>;
  suggestion(topicId: string): Promise<AdoptedSuggestion | null>;
  saveTopic(topic: TopicFact): Promise<void>;
  saveSuggestion(suggestion: AdoptedSuggestion): Promise<void>;
  saveAssistedBallot(ballot: AssistedBallotFact): Promise<void>;
  /** Marks a recorded assisted ballot withdrawn; nothing when it was never recorded. */
  withdrawAssistedBallot(ballotId: string): Promise<void>;
  count(day: string, dimensions: Dimensions, deltas: Record<string, number>): Promise<void>;
}

/** What one council event does to the topic rows and the counters; one function for both writers. */
async function deliberationStep(
  event: Extract<PublicEvent, { type: DeliberationEventType }>,
  timeZone: string,
  writes: DeliberationWrites,
): Promise<void> {
  const at = event.occurredAt;
  const day = dayOf(at, timeZone);
  const count = (dimensions: Dimensions, deltas: Record<string, number>) => writes.count(day, [['city', CITY], ...dimensions], deltas);

  switch (event.type) {
    case 'TopicProposed': {
      const { data } = event;
      await writes.saveTopic({
        topicId: data.topicId,
        communityId: data.communityId,
        gridId: data.gridId,
        title: data.title,
        stage: 'proposed',
        proposedAt: at,
        proposedDay: day,
        votingClosesAt: null,
        eligibleVoters: null,
        ballotsCast: null,
        turnoutPercent: null,
        quorumMet: null,
        passed: null,
        result: null,
        implementationPercent: null,
        attendanceInPerson: 0,
        attendanceOnline: 0,
        attendanceAssisted: 0,
        updatedAt: at,
      });
      await count([['community', data.communityId]], { proposed: 1 });
      return;
    }
    // Events of other streams that name a topic: counters only.
    case 'BallotCast':
      await count([['topic', event.data.topicId]], { ballots: 1, assistedBallots: event.data.assisted ? 1 : 0 });
      return;
    case 'TopicEvaluated':
      await count([['topic', event.data.topicId]], { topicEvaluations: 1, topicEvaluationSum: event.data.score });
      return;
    case 'CommentPosted':
      await count([['topic', event.data.topicId]], { comments: 1 });
      return;
    case 'ContentHidden':
      await count([], { commentsHidden: 1 });
      return;
    case 'ContentReported':
    case 'ContentReviewed':
    case 'StakeholderInputAdded':
      return;
    // 民生微实事: counted per city for now (the pool names its community in its id only).
    case 'BudgetPoolOpened':
      await count([['community', event.data.communityId]], { budgetPools: 1, budgetYuan: event.data.amountYuan });
      return;
    case 'NeedOrdered':
      await count([], { needsOrdered: 1 });
      return;
    case 'NeedMatched':
      await count([], { needsMatched: 1 });
      return;
    case 'BudgetVotingOpened':
    case 'VotingRollRecorded':
      return;
    case 'BudgetVotingClosed':
      await count([], {
        budgetBallots: event.data.ballotsCast,
        projectsFunded: event.data.fundedProjectIds.length,
        fundedYuan: event.data.fundedTotalYuan,
      });
      return;
    case 'BudgetProjectProgressReported':
      return;
    case 'BudgetProjectCompleted':
      await count([], { projectsCompleted: 1 });
      return;
    case 'BudgetProjectEvaluated':
      await count([], { projectEvaluations: 1, projectEvaluationSum: event.data.score });
      return;
    // Who recorded each assisted ballot, so an unusual share per worker shows (never the resident or the choice).
    case 'AssistedBallotRecorded': {
      const { ballotId, topicId, assistantId, assistantRole } = event.data;
      await writes.saveAssistedBallot({ ballotId, topicId, assistantId, assistantRole, recordedAt: at, withdrawn: false });
      return;
    }
    case 'AssistedBallotWithdrawn':
      await writes.withdrawAssistedBallot(event.data.ballotId);
      return;
    // Council meetings (红茶议事会): not charted yet.
    case 'BallotWithdrawn':
    case 'AssistedCommentRecorded':
    case 'CouncilVolunteerRegistered':
    case 'CouncilRotated':
    case 'CouncilMeetingScheduled':
    case 'CouncilMeetingStarted':
    case 'MeetingDecisionRecorded':
    case 'MeetingMinutesRecorded':
    case 'CouncilMeetingEnded':
    case 'AgreementDrafted':
    case 'AgreementSigned':
    case 'AgreementConcluded':
    case 'CommitmentCompleted':
    case 'CommitmentOverdue':
      return;
    // Buildings (楼栋自治) and owners' votes: not charted yet.
    case 'BuildingRegistered':
    case 'HomeRecorded':
    case 'BuildingResidentRecorded':
    case 'BuildingHeadElectionOpened':
    case 'BuildingHeadBallotCast':
    case 'BuildingHeadElectionClosed':
    case 'TopicScopedToBuilding':
    case 'OwnersVoteOpened':
    case 'OwnerBallotCast':
    case 'OwnersVoteClosed':
    // Interest groups (兴趣社团): not charted yet.
    case 'InterestGroupCreated':
    case 'InterestGroupJoined':
    case 'InterestGroupLeft':
    case 'TopicScopedToGroup':
      return;
    // Volunteer roles (意见领袖): who stands is deliberation's own pool, not a figure.
    case 'VolunteerRoleOptedIn':
    case 'VolunteerRoleOptedOut':
    // Volunteer teams (志愿服务队) and their leaders: deliberation's own list, not charted.
    case 'VolunteerTeamFormed':
    case 'VolunteerTeamLeaderAppointed':
    case 'VolunteerTeamLeaderStoodDown':
      return;
    // 联署: a topic waiting for co-signers is counted as proposed; the signatures are not a figure.
    case 'TopicCoSigned':
      return;
    default:
      await applyToTopic(event, writes, at, count);
  }
}

type TopicStreamEvent = Extract<
  PublicEvent,
  {
    type:
      | 'TopicScreened'
      | 'ConsultationOpened'
      | 'DiscussionOpened'
      | 'MeetingAttended'
      | 'VotingOpened'
      | 'VotingClosed'
      | 'TopicDecided'
      | 'ImplementationProgressReported'
      | 'TopicCompleted'
      | 'SuggestionAdopted';
  }
>;

const TOPIC_STREAM_EVENTS = new Set<string>([
  'TopicScreened',
  'ConsultationOpened',
  'DiscussionOpened',
  'MeetingAttended',
  'VotingOpened',
  'VotingClosed',
  'TopicDecided',
  'ImplementationProgressReported',
  'TopicCompleted',
  'SuggestionAdopted',
] satisfies TopicStreamEvent['type'][]);
const isTopicStreamEvent = (event: PublicEvent): event is TopicStreamEvent => TOPIC_STREAM_EVENTS.has(event.type);

async function applyToTopic(
  event: TopicStreamEvent,
  writes: DeliberationWrites,
  at: string,
  count: (dimensions: Dimensions, deltas: Record<string, number>) => Promise<void>,
): Promise<void> {
  const topic = await writes.topic(event.data.topicId);
  if (!topic) return;
  const deltas: Record<string, number> = {};
  const stage = (next: TopicStage) => {
    topic.stage = next;
  };
  switch (event.type) {
    case 'TopicScreened':
      stage(event.data.outcome === 'accepted' ? 'screened' : event.data.outcome === 'merged' ? 'merged' : 'rejected');
      deltas[`screened_${event.data.outcome}`] = 1;
      break;
    case 'ConsultationOpened':
      stage('consultation');
      break;
    case 'DiscussionOpened':
      stage('discussion');
      break;
    case 'MeetingAttended': {
      const column = ({ in_person: 'attendanceInPerson', online: 'attendanceOnline', assisted: 'attendanceAssisted' } as const)[
        event.data.participation
      ];
      topic[column] += 1;
      deltas.attendance = 1;
      break;
    }
    case 'VotingOpened':
      stage('voting');
      Object.assign(topic, { votingClosesAt: event.data.closesAt, eligibleVoters: event.data.eligibleVoters });
      deltas.votingOpened = 1;
      break;
    case 'VotingClosed':
      Object.assign(topic, {
        ballotsCast: event.data.ballotsCast,
        eligibleVoters: event.data.eligibleVoters,
        turnoutPercent: event.data.turnoutPercent,
        quorumMet: event.data.quorumMet,
        passed: event.data.passed,
      });
      deltas.votingClosed = 1;
      deltas.quorumMet = event.data.quorumMet ? 1 : 0;
      break;
    case 'TopicDecided':
      stage('decided');
      topic.result = event.data.result;
      deltas[event.data.result === 'adopted' ? 'decidedAdopted' : 'decidedRejected'] = 1;
      break;
    case 'ImplementationProgressReported': {
      stage('implementation');
      topic.implementationPercent = Math.round(event.data.percent);
      const suggestion = await writes.suggestion(topic.topicId);
      if (suggestion && suggestion.status !== 'completed') {
        Object.assign(suggestion, {
          status: 'in_progress',
          progressPercent: Math.round(event.data.percent),
          lastProgressNote: event.data.note,
          lastProgressAt: at,
        });
        await writes.saveSuggestion(suggestion);
      }
      break;
    }
    case 'TopicCompleted': {
      stage('completed');
      topic.implementationPercent = 100;
      deltas.completed = 1;
      const suggestion = await writes.suggestion(topic.topicId);
      if (suggestion) {
        Object.assign(suggestion, { status: 'completed', progressPercent: 100, completedAt: at, completionSummary: event.data.summary });
        await writes.saveSuggestion(suggestion);
      }
      break;
    }
    case 'SuggestionAdopted': {
      const existing = await writes.suggestion(topic.topicId);
      await writes.saveSuggestion({
        topicId: topic.topicId,
        title: event.data.title,
        communityId: topic.communityId,
        responsibleDepartmentIds: [...event.data.responsibleDepartmentIds],
        adoptedAt: existing?.adoptedAt ?? at,
        status:
          existing?.status ?? (topic.stage === 'completed' ? 'completed' : topic.stage === 'implementation' ? 'in_progress' : 'adopted'),
        progressPercent: existing?.progressPercent ?? topic.implementationPercent ?? 0,
        lastProgressNote: existing?.lastProgressNote ?? null,
        lastProgressAt: existing?.lastProgressAt ?? null,
        completedAt: existing?.completedAt ?? null,
        completionSummary: existing?.completionSummary ?? null,
      });
      if (!existing) deltas.suggestionsAdopted = 1;
      break;
    }
    default:
      assertNever(event);
  }
  topic.updatedAt = at;
  await writes.saveTopic(topic);
  await count([['community', topic.communityId]], deltas);
}
