import type { Principal } from '@gongzhi/identity';
import type { ScheduleActivityRequest } from './schedule-activity.request';

/** An officer of the community schedules an activity residents sign up for. */
export class ScheduleActivity {
  readonly type = 'ScheduleActivity';
  constructor(readonly data: { readonly principal: Principal; readonly activity: ScheduleActivityRequest }) {}
}
