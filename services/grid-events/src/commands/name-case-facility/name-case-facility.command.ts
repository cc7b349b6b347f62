import type { Principal } from '@gongzhi/identity';

/** Staff of the case's grid name the facility of the register the case is at (or correct the one named). */
export class NameCaseFacility {
  readonly type = 'NameCaseFacility';
  constructor(readonly data: { readonly principal: Principal; readonly caseId: string; readonly facilityId: string }) {}
}
