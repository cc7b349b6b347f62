import type { Principal } from '@gongzhi/identity';
import type { EvaluateCaseRequest } from './answer-resolution.request';

/** The reporter confirms the fix. */
export class ConfirmResolution {
  readonly type = 'ConfirmResolution';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
    },
  ) {}
}

/** The reporter says the problem is not fixed. */
export class ReopenCase {
  readonly type = 'ReopenCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly reason: string;
    },
  ) {}
}

/** 评价: the reporter rates the handling; the case closes. */
export class EvaluateCase {
  readonly type = 'EvaluateCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly request: EvaluateCaseRequest;
    },
  ) {}
}

/** Any resident follows an open case instead of reporting it again. */
export class FollowCase {
  readonly type = 'FollowCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
    },
  ) {}
}
