import type { Principal } from '@gongzhi/identity';
import type { BlowWhistleRequest } from './blow-whistle.request';

/** 吹哨: an officer of the street summons departments to a case or a new problem, one of them as lead. */
export class BlowWhistle {
  readonly type = 'BlowWhistle';
  constructor(
    readonly data: {
      readonly streetId: string;
      readonly principal: Principal;
      readonly request: BlowWhistleRequest;
    },
  ) {}
}
