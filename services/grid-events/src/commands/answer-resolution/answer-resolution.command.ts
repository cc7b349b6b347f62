import type { Principal } from '@gongzhi/identity';
import type { EvaluateCaseRequest } from './answer-resolution.request';

/** The reporter confirms the fix. */
export class ConfirmResolution {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
  ) {}
}

/** The reporter says the problem is not fixed. */
export class ReopenCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly reason: string,
  ) {}
}

/** 评价: the reporter rates the handling; the case closes. */
export class EvaluateCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly request: EvaluateCaseRequest,
  ) {}
}

/** Any resident follows an open case instead of reporting it again. */
export class FollowCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
  ) {}
}
