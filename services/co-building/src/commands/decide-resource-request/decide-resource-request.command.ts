import type { Principal } from '@gongzhi/identity';

/** An officer of the project's community approves a resource request. */
export class ApproveResourceRequest {
  constructor(
    readonly principal: Principal,
    readonly projectId: string,
    readonly requestId: string,
    readonly note: string | null,
  ) {}
}

/** An officer of the project's community declines a resource request, with a reason. */
export class DeclineResourceRequest {
  constructor(
    readonly principal: Principal,
    readonly projectId: string,
    readonly requestId: string,
    readonly reason: string,
  ) {}
}
