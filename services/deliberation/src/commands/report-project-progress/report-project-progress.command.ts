import type { Caller } from '../../domain/caller';
import type { ReportProjectProgressRequest } from './report-project-progress.request';

/** Progress of a funded project, with photos. */
export class ReportProjectProgress {
  readonly type = 'ReportProjectProgress';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly projectId: string;
      readonly caller: Caller;
      readonly request: ReportProjectProgressRequest;
    },
  ) {}
}
