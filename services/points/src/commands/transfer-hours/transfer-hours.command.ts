import type { Principal } from '@gongzhi/identity';
import type { TransferHoursRequest } from './transfer-hours.request';

/** A resident gives banked hours to another resident (a family member, say). */
export class TransferHours {
  readonly type = 'TransferHours';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly transfer: TransferHoursRequest;
    },
  ) {}
}
