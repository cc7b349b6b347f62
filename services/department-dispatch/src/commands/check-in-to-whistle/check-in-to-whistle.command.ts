import type { Principal } from '@gongzhi/identity';

/** 报到: a summoned department answers the whistle; its task starts with its own deadline. */
export class CheckInToWhistle {
  readonly type = 'CheckInToWhistle';
  constructor(
    readonly data: {
      readonly whistleId: string;
      readonly principal: Principal;
      /** When a check-in queued offline was made on the device (ISO 8601); absent when made online. */
      readonly madeAt?: string;
    },
  ) {}
}
