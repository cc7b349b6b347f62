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

export type ContestDetail = ContestSummary & { standings: Standing[] };
