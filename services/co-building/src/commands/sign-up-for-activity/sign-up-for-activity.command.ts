import type { Principal } from '@gongzhi/identity';

/** A verified resident of the activity's community signs up for it. */
export class SignUpForActivity {
  readonly type = 'SignUpForActivity';
  constructor(readonly data: { readonly principal: Principal; readonly activityId: string; readonly residentId?: string }) {}
}
