import type { Caller } from '../../domain/caller';
import type { AddStakeholderInputRequest } from './add-stakeholder-input.request';

/** A stakeholder's input, recorded during consultation. */
export class AddStakeholderInput {
  readonly type = 'AddStakeholderInput';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: AddStakeholderInputRequest;
    },
  ) {}
}
