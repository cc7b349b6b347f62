import type { PresentedConsent } from '../../assisted/assisted-consent';
import type { Caller } from '../../domain/caller';

/** Staff record a resident's opinion on a topic for them, with their consent. */
export class RecordAssistedComment {
  readonly type = 'RecordAssistedComment';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly residentId: string;
      readonly text: string;
      readonly consent: PresentedConsent;
      readonly assistant: Caller;
    },
  ) {}
}
