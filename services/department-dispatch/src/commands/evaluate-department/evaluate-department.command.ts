import type { Principal } from '@gongzhi/identity';
import type { EvaluateDepartmentRequest } from './evaluate-department.request';

/** A summoned department's part, scored 1–5 with a comment once the whistle is resolved. */
export class EvaluateDepartment {
  readonly type = 'EvaluateDepartment';
  constructor(
    readonly data: {
      readonly whistleId: string;
      readonly principal: Principal;
      readonly request: EvaluateDepartmentRequest;
    },
  ) {}
}
