import type { Caller } from '../../domain/caller';
import type { ReportProgressRequest } from './report-progress.request';

/** Implementation progress of an adopted topic, with photos and a percentage. */
export class ReportProgress {
  readonly type = 'ReportProgress';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: ReportProgressRequest;
    },
  ) {}
}
