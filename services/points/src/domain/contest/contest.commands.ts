import type { ContestOpenedData } from './contest.events';

/** What may be asked of a contest. Who may ask is checked by the handlers (staff of the patch, residents of the community). */
export type ContestCommand =
  | { readonly type: 'OpenContest'; readonly data: ContestOpenedData }
  | {
      readonly type: 'SubmitIdea';
      readonly data: {
        readonly contestId: string;
        readonly entryId: string;
        readonly residentId: string;
        readonly title: string;
        readonly description: string;
      };
    }
  | { readonly type: 'VoteForIdea'; readonly data: { readonly contestId: string; readonly entryId: string; readonly residentId: string } }
  /** A juror scores an idea once, 1–10. */
  | {
      readonly type: 'ScoreIdea';
      readonly data: { readonly contestId: string; readonly entryId: string; readonly jurorId: string; readonly score: number };
    }
  | {
      readonly type: 'JoinContestTeam';
      readonly data: { readonly contestId: string; readonly teamId: string; readonly residentId: string };
    }
  | {
      readonly type: 'RateBuildingCleanliness';
      readonly data: { readonly contestId: string; readonly buildingId: string; readonly score: number; readonly ratedBy: string };
    }
  /** A policy's: an act of a resident (another event of this service) that may count in the contest. */
  | {
      readonly type: 'CountContestActivity';
      readonly data: {
        readonly contestId: string;
        readonly sourceEventId: string;
        /** When the act happened: only acts inside the contest's period count. */
        readonly at: string;
        readonly residentId: string;
        readonly measure: 'volunteer_hours' | 'valid_report' | 'participation';
        readonly amount: number;
      };
    }
  | { readonly type: 'CloseContest'; readonly data: { readonly contestId: string; readonly closedBy: string } };
