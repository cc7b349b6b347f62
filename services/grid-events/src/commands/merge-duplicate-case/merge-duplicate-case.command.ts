import type { Principal } from '@gongzhi/identity';

/** 合并: the department on a case finds it repeats another case it holds; the resident follows the other one. */
export class MergeDuplicateCase {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
    readonly intoCaseId: string,
  ) {}
}
