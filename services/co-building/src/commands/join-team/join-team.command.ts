import type { Principal } from '@gongzhi/identity';

/** A resident of the place the project is open to joins its team. */
export class JoinTeam {
  constructor(
    readonly principal: Principal,
    readonly projectId: string,
  ) {}
}
