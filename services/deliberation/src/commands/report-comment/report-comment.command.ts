import type { Caller } from '../../domain/caller';
import type { ReportCommentRequest } from './report-comment.request';

/** A resident reports a comment (spam, offensive, off-topic); the third report hides it pending review. */
export class ReportComment {
  readonly type = 'ReportComment';
  constructor(
    readonly data: {
      readonly commentId: string;
      readonly caller: Caller;
      readonly request: ReportCommentRequest;
    },
  ) {}
}
