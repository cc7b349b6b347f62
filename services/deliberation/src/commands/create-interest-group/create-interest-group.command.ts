import type { Caller } from '../../domain/caller';
import type { CreateInterestGroupRequest } from './create-interest-group.request';

/** An officer of the community creates an interest group, or a verified resident founds one and joins it. */
export class CreateInterestGroup {
  readonly type = 'CreateInterestGroup';
  constructor(
    readonly data: {
      readonly request: CreateInterestGroupRequest;
      readonly caller: Caller;
    },
  ) {}
}
