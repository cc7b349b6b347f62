import type { Principal } from '@gongzhi/identity';
import type { RegisterOrganisationRequest } from './register-organisation.request';

/** A community social organisation (社区社会组织) enters the registry with its services. */
export class RegisterOrganisation {
  readonly type = 'RegisterOrganisation';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly organisation: RegisterOrganisationRequest;
    },
  ) {}
}
