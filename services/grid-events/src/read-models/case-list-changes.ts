import { Injectable } from '@nestjs/common';

/**
 * Counts the changes, in this process, to what the case lists read: each committed batch of the case-views projector
 * (views, reporters' report times, the followers of merged duplicates) and each case a resident chooses to follow. A
 * list answer kept at one count is stale at the next (see CaseListAnswers).
 */
@Injectable()
export class CaseListChanges {
  private count = 0;

  get version(): number {
    return this.count;
  }

  /** Called after the change is committed: a list read before it, or while it was in flight, is then stale. */
  changed(): void {
    this.count++;
  }
}
