import type { Principal } from '@gongzhi/identity';

/** 受理, optionally in another category. */
export class AcceptCase {
  readonly type = 'AcceptCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly categoryCode?: string;
    },
  ) {}
}

/** 不予受理, with a reason told to the reporter. */
export class RejectCase {
  readonly type = 'RejectCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly reason: string;
    },
  ) {}
}

/** 合并 into an open case it duplicates. */
export class MergeCase {
  readonly type = 'MergeCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly intoCaseId: string;
    },
  ) {}
}
