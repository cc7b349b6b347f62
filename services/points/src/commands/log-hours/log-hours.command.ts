import type { Principal } from '@gongzhi/identity';
import type { LogHoursRequest } from './log-hours.request';

/** A volunteer logs hours of service, naming who verifies them. */
export class LogHours {
  readonly type = 'LogHours';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly hours: LogHoursRequest;
    },
  ) {}
}
