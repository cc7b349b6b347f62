import type { Caller } from '../../domain/caller';
import type { OrderNeedRequest } from './order-need.request';

/** 居民点单: a resident orders a need, optionally anonymous in public. */
export class OrderNeed {
  readonly type = 'OrderNeed';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly caller: Caller;
      readonly request: OrderNeedRequest;
    },
  ) {}
}
