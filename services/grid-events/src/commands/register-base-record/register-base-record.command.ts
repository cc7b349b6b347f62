import type { BaseRecordDetails } from '@gongzhi/contracts';
import type { Principal } from '@gongzhi/identity';

/** A grid worker (or an officer over the grid) enters a building, household, facility or organisation in the grid's register. */
export class RegisterBaseRecord {
  readonly type = 'RegisterBaseRecord';
  constructor(readonly data: { readonly principal: Principal; readonly gridId: string; readonly details: BaseRecordDetails }) {}
}
