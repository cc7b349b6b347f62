import type { Caller } from '../../domain/caller';
import type { DraftAgreementRequest } from './draft-agreement.request';

/** The agreement a meeting reaches: its parties (and who signs for each) and commitments with due dates. */
export class DraftAgreement {
  readonly type = 'DraftAgreement';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
      readonly agreement: DraftAgreementRequest;
    },
  ) {}
}
