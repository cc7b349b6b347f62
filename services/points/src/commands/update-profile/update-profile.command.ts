import type { Principal } from '@gongzhi/identity';

/** The name a resident shows on leaderboards, and their community from the token. */
export class UpdateProfile {
  constructor(
    readonly principal: Principal,
    readonly displayName: string | undefined,
  ) {}
}
