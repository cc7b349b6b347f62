import type { PublicEventData } from '@gongzhi/contracts';

export type BudgetPoolStatus = 'Ordering' | 'Voting' | 'Closed';

export interface Need {
  readonly needId: string;
  readonly title: string;
  readonly description: string;
  readonly anonymous: boolean;
  /** Null when the resident asked to stay anonymous: the service never learns it from the stream. */
  readonly residentId: string | null;
  readonly projectId: string | null;
}

export interface Project {
  readonly projectId: string;
  readonly needId: string;
  readonly title: string;
  readonly provider: string;
  readonly costYuan: number;
  readonly funded: boolean;
  readonly progressPercent: number;
  readonly progress: readonly { readonly percent: number; readonly note: string; readonly photoIds: readonly string[] }[];
  readonly completion: { readonly summary: string; readonly afterPhotoIds: readonly string[] } | null;
  readonly evaluations: readonly { readonly residentId: string; readonly score: number; readonly comment: string | null }[];
}

export interface BudgetPool {
  readonly status: BudgetPoolStatus;
  readonly opening: PublicEventData<'BudgetPoolOpened'>;
  readonly poolId: string;
  readonly communityId: string;
  readonly year: number;
  readonly amountYuan: number;
  readonly needs: readonly Need[];
  /** Matched needs, in the order they were matched. */
  readonly projects: readonly Project[];
  readonly voting: PublicEventData<'BudgetVotingOpened'> | null;
  /** Who may vote, drawn when voting opened; null on votes opened before rolls were recorded. */
  readonly roll: ReadonlySet<string> | null;
  readonly result: PublicEventData<'BudgetVotingClosed'> | null;
}

export type BudgetState = { readonly status: 'None' } | BudgetPool;

export const initialBudgetState = (): BudgetState => ({ status: 'None' });
