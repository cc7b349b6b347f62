import type { ContestEvent, ContestOpenedData } from './contest.events';

export interface IdeaEntry {
  readonly residentId: string;
  readonly title: string;
  readonly votes: number;
  /** Jury: the sum and number of the jurors' scores; the standing is their mean. */
  readonly scoreSum: number;
  readonly scoreCount: number;
  /** Order of submission: the earlier idea wins a tie. */
  readonly order: number;
}

export interface BuildingTally {
  readonly name: string;
  readonly residents: number;
  readonly validReports: number;
  readonly participation: number;
  readonly cleanlinessSum: number;
  readonly cleanlinessRatings: number;
}

interface Running {
  readonly contest: ContestOpenedData;
  readonly entries: Readonly<Record<string, IdeaEntry>>;
  /** Who voted for which idea: one vote per resident. */
  readonly voters: Readonly<Record<string, string>>;
  /** Jury: each juror's scores by idea (one per idea); private to the jury and staff until the close. */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Volunteer month: the team of each resident who joined. */
  readonly teamOf: Readonly<Record<string, string>>;
  readonly hours: Readonly<Record<string, number>>;
  /** 最美楼栋: the building of each resident on the roll taken at opening. */
  readonly buildingOf: Readonly<Record<string, string>>;
  readonly buildings: Readonly<Record<string, BuildingTally>>;
  /** Source events already counted: a redelivered event counts once. */
  readonly counted: Readonly<Record<string, true>>;
}

export type ContestState =
  | { readonly status: 'None' }
  | ({ readonly status: 'Open' } & Running)
  | ({
      readonly status: 'Closed';
      readonly closing: ContestEvent & { type: 'ContestClosed' } extends { data: infer D } ? D : never;
    } & Running);

export type RunningContest = Extract<ContestState, { status: 'Open' | 'Closed' }>;

export const initialContestState = (): ContestState => ({ status: 'None' });

export function evolveContest(state: ContestState, event: ContestEvent): ContestState {
  if (event.type === 'ContestOpened') {
    const data = event.data;
    const buildingOf: Record<string, string> = {};
    const buildings: Record<string, BuildingTally> = {};
    for (const building of data.buildings) {
      for (const residentId of building.residentIds) buildingOf[residentId] = building.buildingId;
      buildings[building.buildingId] = {
        name: building.name,
        residents: building.residentIds.length,
        validReports: 0,
        participation: 0,
        cleanlinessSum: 0,
        cleanlinessRatings: 0,
      };
    }
    return {
      status: 'Open',
      contest: data,
      entries: {},
      voters: {},
      scores: {},
      teamOf: {},
      hours: {},
      buildingOf,
      buildings,
      counted: {},
    };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'IdeaSubmitted': {
      const { entryId, residentId, title } = event.data;
      const order = Object.keys(state.entries).length;
      return { ...state, entries: { ...state.entries, [entryId]: { residentId, title, votes: 0, scoreSum: 0, scoreCount: 0, order } } };
    }
    case 'IdeaVoteCast': {
      const { entryId, residentId } = event.data;
      const entry = state.entries[entryId]!;
      return {
        ...state,
        voters: { ...state.voters, [residentId]: entryId },
        entries: { ...state.entries, [entryId]: { ...entry, votes: entry.votes + 1 } },
      };
    }
    case 'IdeaScored': {
      const { entryId, jurorId, score } = event.data;
      const entry = state.entries[entryId]!;
      // A state folded before juries existed has no scores: start them empty.
      const scores = state.scores ?? {};
      return {
        ...state,
        scores: { ...scores, [jurorId]: { ...scores[jurorId], [entryId]: score } },
        entries: {
          ...state.entries,
          [entryId]: { ...entry, scoreSum: (entry.scoreSum ?? 0) + score, scoreCount: (entry.scoreCount ?? 0) + 1 },
        },
      };
    }
    case 'ContestTeamJoined':
      return { ...state, teamOf: { ...state.teamOf, [event.data.residentId]: event.data.teamId } };
    case 'BuildingCleanlinessRated': {
      const tally = state.buildings[event.data.buildingId]!;
      return {
        ...state,
        buildings: {
          ...state.buildings,
          [event.data.buildingId]: {
            ...tally,
            cleanlinessSum: tally.cleanlinessSum + event.data.score,
            cleanlinessRatings: tally.cleanlinessRatings + 1,
          },
        },
      };
    }
    case 'ContestActivityCounted': {
      const { sourceEventId, residentId, measure, amount, subjectId } = event.data;
      const counted = { ...state.counted, [sourceEventId]: true as const };
      if (measure === 'volunteer_hours') {
        return { ...state, counted, hours: { ...state.hours, [residentId]: (state.hours[residentId] ?? 0) + amount } };
      }
      const tally = state.buildings[subjectId]!;
      const key = measure === 'valid_report' ? 'validReports' : 'participation';
      return { ...state, counted, buildings: { ...state.buildings, [subjectId]: { ...tally, [key]: tally[key] + amount } } };
    }
    case 'ContestClosed':
      return { ...state, status: 'Closed', closing: event.data };
    default: {
      const unhandled: never = event;
      throw new Error(`Unknown contest event ${JSON.stringify(unhandled)}`);
    }
  }
}
