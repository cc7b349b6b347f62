import type { Principal } from '@gongzhi/identity';

/** An entry leaves the register (a household moved away, a facility removed); its history stays readable. */
export class RetireBaseRecord {
  readonly type = 'RetireBaseRecord';
  constructor(
    readonly data: { readonly principal: Principal; readonly gridId: string; readonly recordId: string; readonly reason: string },
  ) {}
}
