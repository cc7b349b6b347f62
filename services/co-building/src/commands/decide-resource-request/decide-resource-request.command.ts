import type { Principal } from '@gongzhi/identity';

/** An officer of the project's community approves a resource request. */
export class ApproveResourceRequest {
  readonly type = 'ApproveResourceRequest';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
      readonly requestId: string;
      readonly note: string | null;
    },
  ) {}
}

/** An officer of the project's community declines a resource request, with a reason. */
export class DeclineResourceRequest {
  readonly type = 'DeclineResourceRequest';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
      readonly requestId: string;
      readonly reason: string;
    },
  ) {}
}
