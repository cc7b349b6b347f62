import type { Principal } from '@gongzhi/identity';
import type { ListResourceRequest } from './list-resource.request';

/** A resource joins the community's pool (资源清单): a space, goods, a service, or a resident's skill. */
export class ListResource {
  readonly type = 'ListResource';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly resource: ListResourceRequest;
    },
  ) {}
}
