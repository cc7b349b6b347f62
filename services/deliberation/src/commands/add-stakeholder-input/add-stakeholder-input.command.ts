import type { Caller } from '../../domain/caller';
import type { AddStakeholderInputRequest } from './add-stakeholder-input.request';

/** A stakeholder's input, recorded during consultation. */
export class AddStakeholderInput {
  constructor(
    readonly topicId: string,
    readonly caller: Caller,
    readonly request: AddStakeholderInputRequest,
  ) {}
}
