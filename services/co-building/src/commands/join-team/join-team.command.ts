import type { Principal } from '@gongzhi/identity';

/** A resident of the place the project is open to joins its team. */
export class JoinTeam {
  readonly type = 'JoinTeam';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
    },
  ) {}
}
