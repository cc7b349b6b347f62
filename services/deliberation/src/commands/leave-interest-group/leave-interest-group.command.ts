import type { Caller } from '../../domain/caller';

/** A member leaves the group: themselves, never anyone else. */
export class LeaveInterestGroup {
  readonly type = 'LeaveInterestGroup';
  constructor(
    readonly data: {
      readonly groupId: string;
      readonly caller: Caller;
    },
  ) {}
}
