import type { Principal } from '@gongzhi/identity';
import type { ResolveCaseRequest } from './handle-case.request';

/** 签收 by the grid worker the case was dispatched to. */
export class AcknowledgeCase {
  readonly type = 'AcknowledgeCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
    },
  ) {}
}

/** 处置完毕, with notes and after-photos. */
export class ResolveCase {
  readonly type = 'ResolveCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly request: ResolveCaseRequest;
    },
  ) {}
}
