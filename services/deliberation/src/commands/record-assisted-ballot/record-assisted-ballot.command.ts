import type { PresentedConsent } from '../../assisted/assisted-consent';
import type { Caller } from '../../domain/caller';

/** Staff record a resident's secret ballot for them, with their consent (入户走访). */
export class RecordAssistedBallot {
  readonly type = 'RecordAssistedBallot';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly residentId: string;
      readonly optionId: string;
      readonly consent: PresentedConsent;
      readonly assistant: Caller;
    },
  ) {}
}
