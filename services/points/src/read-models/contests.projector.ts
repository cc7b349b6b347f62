import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { EntityManager } from 'typeorm';
import type { ContestEvent } from '../domain/contest/contest.events';
import { evolveContest, initialContestState, type ContestState } from '../domain/contest/contest.state';
import { standingsOf } from '../domain/contest/contest.standings';
import { ContestStandingView, ContestView } from './contest-read-models.entities';

const CONTEST_EVENT_TYPES = new Set<string>([
  'ContestOpened',
  'IdeaSubmitted',
  'IdeaVoteCast',
  'IdeaScored',
  'ContestTeamJoined',
  'BuildingCleanlinessRated',
  'ContestActivityCounted',
  'ContestClosed',
]);

/** Contests and their standings, from the contests' own events (stream contest-<id>). */
export function contestsProjector(): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-contests-read-models',
    topics: [TOPICS.points],
    parser: publicEvents,
    async handle(event, manager) {
      if (!CONTEST_EVENT_TYPES.has(event.type)) return;
      await projectContestEvent(manager, { type: event.type, data: event.data } as ContestEvent);
    },
  };
}

/** One contest event into the views; also what a rebuild replays. */
export async function projectContestEvent(manager: EntityManager, event: ContestEvent): Promise<void> {
  const { contestId } = event.data;
  const view = await manager.findOneBy(ContestView, { contestId });
  const before = (view?.state as ContestState | undefined) ?? initialContestState();
  const state = evolveContest(before, event);
  if (state.status === 'None') return;
  const { contest } = state;
  const entries = Object.entries(state.entries).map(([entryId, e]) => ({ entryId, title: e.title, votes: e.votes, description: '' }));
  const descriptions = new Map((view?.entries ?? []).map((e) => [e.entryId, e.description]));
  if (event.type === 'IdeaSubmitted') descriptions.set(event.data.entryId, event.data.description);
  await manager.save(ContestView, {
    contestId,
    kind: contest.kind,
    title: contest.title,
    communityId: contest.communityId,
    status: state.status === 'Closed' ? 'closed' : 'open',
    startsAt: contest.startsAt,
    endsAt: contest.endsAt,
    prizePoints: contest.prizePoints,
    teamPrizePoints: contest.teamPrizePoints,
    winners: contest.winners,
    choices: [
      ...contest.teams.map((t) => ({ id: t.teamId, name: t.name })),
      ...contest.buildings.map((b) => ({ id: b.buildingId, name: b.name })),
    ],
    entries: entries.map((e) => ({ ...e, description: descriptions.get(e.entryId) ?? '' })),
    state,
  });
  // The closed contest's standings are the ones its ContestClosed named; they equal the fold by construction.
  const standings = state.status === 'Closed' ? state.closing.standings : standingsOf(state);
  await manager.delete(ContestStandingView, { contestId });
  if (standings.length > 0)
    await manager.insert(
      ContestStandingView,
      standings.map((s) => ({ contestId, ...s })),
    );
}
