import type { Principal } from '@gongzhi/identity';
import type { GradeOrganisationRequest } from './grade-organisation.request';

/** A street officer or admin records an evaluation grade (等级评估, 1A–5A). */
export class GradeOrganisation {
  readonly type = 'GradeOrganisation';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly organisationId: string;
      readonly grade: GradeOrganisationRequest;
    },
  ) {}
}
