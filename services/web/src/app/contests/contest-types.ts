export type ContestKind = 'idea' | 'building' | 'volunteer';

export interface ContestSummary {
  contestId: string;
  kind: ContestKind;
  title: string;
  communityId: string;
  status: 'open' | 'closed';
  startsAt: string;
  endsAt: string;
  prizePoints: number;
  teamPrizePoints: number;
  winners: number;
  choices: { id: string; name: string }[];
  entries: { entryId: string; title: string; description: string; votes: number }[];
}

export interface Standing {
  rank: number;
  kind: 'idea' | 'building' | 'team' | 'resident';
  subjectId: string;
  label: string;
  score: number;
}

export type ContestDetail = ContestSummary & {
  standings: Standing[];
  /** jury: the named jurors' mean scores decide; vote: the residents' votes. */
  judging: 'vote' | 'jury';
  jurorIds: string[];
  /** A jury's running scores are for its jurors and staff until the close. */
  scoresHidden: boolean;
  /** The reader's own scores by idea, when the reader is a juror. */
  myScores?: Record<string, number>;
};
