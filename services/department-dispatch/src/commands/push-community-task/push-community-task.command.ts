import type { Principal } from '@gongzhi/identity';
import type { PushCommunityTaskRequest } from './push-community-task.request';

/** A department pushes a task down to a community (下派任务), so that the load is on the record. */
export class PushCommunityTask {
  readonly type = 'PushCommunityTask';
  constructor(
    readonly data: { readonly departmentId: string; readonly principal: Principal; readonly request: PushCommunityTaskRequest },
  ) {}
}
