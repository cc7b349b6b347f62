import type { Principal } from '@gongzhi/identity';
import type { DispatchCaseRequest, EscalateCaseRequest } from './dispatch-case.request';

/** 分派 to a grid worker or a department. */
export class DispatchCase {
  readonly type = 'DispatchCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly request: DispatchCaseRequest;
    },
  ) {}
}

/** 吹哨: up to the street, for several departments together. */
export class EscalateCase {
  readonly type = 'EscalateCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly request: EscalateCaseRequest;
    },
  ) {}
}
