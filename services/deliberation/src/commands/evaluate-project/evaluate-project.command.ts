import type { Caller } from '../../domain/caller';
import type { EvaluateProjectRequest } from './evaluate-project.request';

/** 群众评单: a resident evaluates a completed project (1–5 + comment), once; it feeds next year's allocation. */
export class EvaluateProject {
  readonly type = 'EvaluateProject';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly projectId: string;
      readonly caller: Caller;
      readonly request: EvaluateProjectRequest;
    },
  ) {}
}
