import type { Principal } from '@gongzhi/identity';

/** 报到: a summoned department answers the whistle; its task starts with its own deadline. */
export class CheckInToWhistle {
  constructor(
    readonly whistleId: string,
    readonly principal: Principal,
  ) {}
}
