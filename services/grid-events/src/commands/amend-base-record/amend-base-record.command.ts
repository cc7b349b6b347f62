import type { Principal } from '@gongzhi/identity';
import type { BaseRecordFields } from '../../domain/base-record/base-record.commands';

/** Staff of the grid correct or update an entry of its register (a lift found faulty, a household grown by one). */
export class AmendBaseRecord {
  readonly type = 'AmendBaseRecord';
  constructor(
    readonly data: { readonly principal: Principal; readonly gridId: string; readonly recordId: string; readonly fields: BaseRecordFields },
  ) {}
}
