import type { Principal } from '@gongzhi/identity';

/** 签收: the assigned department takes the case in hand. */
export class AcknowledgeAssignment {
  readonly type = 'AcknowledgeAssignment';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly principal: Principal;
    },
  ) {}
}
