import type { Principal } from '@gongzhi/identity';

/** The name a resident shows on leaderboards, and their community from the token. */
export class UpdateProfile {
  readonly type = 'UpdateProfile';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly displayName: string | undefined;
    },
  ) {}
}
