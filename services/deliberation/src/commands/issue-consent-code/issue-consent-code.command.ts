import type { Caller } from '../../domain/caller';

/** A resident asks for a one-time code to read out to the staff member recording for them (入户走访). */
export class IssueConsentCode {
  readonly type = 'IssueConsentCode';
  constructor(readonly data: { readonly resident: Caller }) {}
}
