import type { VolunteerRole } from '@gongzhi/contracts';
import type { Caller } from '../../domain/caller';

/** 意见领袖: a resident offers (or stops offering) to serve as a meeting moderator or a volunteer team leader. */
export class ChooseVolunteerRole {
  readonly type = 'ChooseVolunteerRole';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly residentId: string;
      readonly role: VolunteerRole;
      readonly optedIn: boolean;
    },
  ) {}
}
