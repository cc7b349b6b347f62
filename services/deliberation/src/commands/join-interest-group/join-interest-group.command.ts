import type { Caller } from '../../domain/caller';

/** A verified resident of the group's community joins it: themselves, never anyone else. */
export class JoinInterestGroup {
  readonly type = 'JoinInterestGroup';
  constructor(
    readonly data: {
      readonly groupId: string;
      readonly caller: Caller;
    },
  ) {}
}
