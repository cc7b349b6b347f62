import type { Principal } from '@gongzhi/identity';

/** 合并: the department on a case finds it repeats another case it holds; the resident follows the other one. */
export class MergeDuplicateCase {
  readonly type = 'MergeDuplicateCase';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly principal: Principal;
      readonly intoCaseId: string;
    },
  ) {}
}
