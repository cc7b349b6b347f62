import type { Principal } from '@gongzhi/identity';
import type { RecordIncomeRequest } from './record-income.request';

/** Income of a project (space rent, service fees), split between the team and the community fund. */
export class RecordIncome {
  readonly type = 'RecordIncome';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
      readonly income: RecordIncomeRequest;
    },
  ) {}
}
