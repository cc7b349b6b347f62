import type { Principal } from '@gongzhi/identity';

/** The organiser or recipient named (or an officer of the volunteer's community) verifies logged hours: they are deposited. */
export class VerifyHours {
  readonly type = 'VerifyHours';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly residentId: string;
      readonly entryId: string;
    },
  ) {}
}

/** The same verifier declines logged hours, with a reason. */
export class RejectHours {
  readonly type = 'RejectHours';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly residentId: string;
      readonly entryId: string;
      readonly reason: string;
    },
  ) {}
}
