import type { Principal } from '@gongzhi/identity';
import type { StartProjectRequest } from './start-project.request';

/** A resident starts a community project (社区合伙人) and leads its team. */
export class StartProject {
  readonly type = 'StartProject';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly project: StartProjectRequest;
    },
  ) {}
}
