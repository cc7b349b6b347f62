import type { Principal } from '@gongzhi/identity';

/** 受理, optionally in another category. */
export class AcceptCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly categoryCode?: string,
  ) {}
}

/** 不予受理, with a reason told to the reporter. */
export class RejectCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly reason: string,
  ) {}
}

/** 合并 into an open case it duplicates. */
export class MergeCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly intoCaseId: string,
  ) {}
}
