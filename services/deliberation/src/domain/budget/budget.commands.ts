/** What may be asked of a community's budget pool for a year (民生微实事). Amounts are whole yuan. */
export type BudgetCommand =
  | { type: 'OpenPool'; data: OpenPoolData }
  | { type: 'OrderNeed'; data: { needId: string; title: string; description: string; anonymous: boolean } }
  | { type: 'MatchNeed'; data: { needId: string; projectId: string; provider: string; costYuan: number } }
  /** verifiedResidents: looked up by the handler when voting opens (the community's verified residents), never typed. */
  | { type: 'OpenBudgetVoting'; data: { method: 'approval' | 'knapsack'; closesAt: string; verifiedResidents: readonly string[] } }
  /** From the ballot box once sealed, by the deadline or by an officer after it. */
  | { type: 'CloseBudgetVoting'; data: { counts: Readonly<Record<string, number>>; ballotsCast: number } }
  | { type: 'ReportProjectProgress'; data: { projectId: string; percent: number; note: string; photoIds: readonly string[] } }
  | { type: 'CompleteProject'; data: { projectId: string; summary: string; afterPhotoIds: readonly string[] } }
  | { type: 'EvaluateProject'; data: { projectId: string; score: number; comment: string | null } };

export interface OpenPoolData {
  readonly communityId: string;
  readonly year: number;
  readonly baseAmountYuan: number;
  /** Null: take the suggestion from last year's evaluations. */
  readonly amountYuan: number | null;
  /** Looked up by the handler in last year's pool: the mean score of its evaluations and how many there were. */
  readonly previousYear: PreviousYearEvaluations;
}

export interface PreviousYearEvaluations {
  readonly satisfaction: number | null;
  readonly evaluations: number;
}
