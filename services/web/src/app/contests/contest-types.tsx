import type { AnswerOf } from '../api-client';

/** A contest as the list shows it; the shapes come from the platform's OpenAPI document. */
export type ContestSummary = AnswerOf<'/api/points/contests'>[number];
export type ContestKind = ContestSummary['kind'];
/** One contest with its standings, judging and (for a juror) the reader's own scores. */
export type ContestDetail = AnswerOf<'/api/points/contests/{contestId}'>;
export type Standing = ContestDetail['standings'][number];
