import type { Principal } from '@gongzhi/identity';
import type { CompleteCommunityTaskRequest } from './complete-community-task.request';

/** The community reports a task pushed to it done. */
export class CompleteCommunityTask {
  readonly type = 'CompleteCommunityTask';
  constructor(readonly data: { readonly taskId: string; readonly principal: Principal; readonly request: CompleteCommunityTaskRequest }) {}
}
