import type { Principal } from '@gongzhi/identity';
import type { ReviewFlagRequest } from './review-flag.request';

/** An admin clears a burst of awards flagged as possible farming, or confirms it (its awards are reversed). */
export class ReviewFlag {
  readonly type = 'ReviewFlag';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly residentId: string;
      readonly flagId: string;
      readonly review: ReviewFlagRequest;
    },
  ) {}
}
