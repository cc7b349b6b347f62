import type { Caller } from '../../domain/caller';
import type { OpenConsultationRequest } from './open-consultation.request';

/** Consultation opens: stakeholders' input and a draft plan. */
export class OpenConsultation {
  readonly type = 'OpenConsultation';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: OpenConsultationRequest;
    },
  ) {}
}
