import type { Principal } from '@gongzhi/identity';

/** The organiser or recipient named (or an officer of the volunteer's community) verifies logged hours: they are deposited. */
export class VerifyHours {
  constructor(
    readonly principal: Principal,
    readonly residentId: string,
    readonly entryId: string,
  ) {}
}

/** The same verifier declines logged hours, with a reason. */
export class RejectHours {
  constructor(
    readonly principal: Principal,
    readonly residentId: string,
    readonly entryId: string,
    readonly reason: string,
  ) {}
}
