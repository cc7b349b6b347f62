import type { Principal } from '@gongzhi/identity';
import type { CompleteWhistleTaskRequest } from './complete-whistle-task.request';

/** A summoned department's part of the joint handling is done, with notes and photos. */
export class CompleteWhistleTask {
  readonly type = 'CompleteWhistleTask';
  constructor(
    readonly data: {
      readonly whistleId: string;
      readonly principal: Principal;
      readonly request: CompleteWhistleTaskRequest;
    },
  ) {}
}
