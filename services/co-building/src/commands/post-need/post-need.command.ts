import type { Principal } from '@gongzhi/identity';
import type { PostNeedRequest } from './post-need.request';

/** A resident or officer posts a need of the community (需求清单). */
export class PostNeed {
  readonly type = 'PostNeed';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly need: PostNeedRequest;
    },
  ) {}
}
