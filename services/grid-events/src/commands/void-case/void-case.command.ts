import type { Principal } from '@gongzhi/identity';

/** 作废: a case accepted earlier is found invalid, with a reason told to the reporter. */
export class VoidCase {
  readonly type = 'VoidCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly reason: string;
    },
  ) {}
}
