import type { BaseRecordDetails } from '@gongzhi/contracts';

interface EntryFacts {
  readonly recordId: string;
  readonly gridId: string;
  readonly details: BaseRecordDetails;
}

export type BaseRecordState =
  | { readonly status: 'None' }
  | (EntryFacts & { readonly status: 'Active' })
  | (EntryFacts & { readonly status: 'Retired'; readonly reason: string });

export const initialBaseRecordState = (): BaseRecordState => ({ status: 'None' });
