import type { Principal } from '@gongzhi/identity';
import type { BookSlotRequest } from './book-space-slot.request';

/** A resident or officer books a time slot of a space. */
export class BookSpaceSlot {
  readonly type = 'BookSpaceSlot';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly resourceId: string;
      readonly booking: BookSlotRequest;
    },
  ) {}
}
