import type { Caller } from '../../domain/caller';
import type { CompleteProjectRequest } from './complete-project.request';

/** A funded project completed; residents may then evaluate it. */
export class CompleteProject {
  readonly type = 'CompleteProject';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly projectId: string;
      readonly caller: Caller;
      readonly request: CompleteProjectRequest;
    },
  ) {}
}
