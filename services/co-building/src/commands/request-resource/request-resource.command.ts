import type { Principal } from '@gongzhi/identity';
import type { RequestResourceRequest } from './request-resource.request';

/** A team member applies for a resource of the community's pool. */
export class RequestResource {
  readonly type = 'RequestResource';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
      readonly request: RequestResourceRequest;
    },
  ) {}
}
