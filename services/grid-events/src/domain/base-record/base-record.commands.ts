import type { BaseRecordDetails } from '@gongzhi/contracts';

/** Every field of one kind of entry but the kind itself: what an amendment may change. */
export type BaseRecordFields = { readonly [field: string]: string | number | null };

export type RegisterBaseRecord = {
  readonly type: 'RegisterBaseRecord';
  readonly data: { readonly recordId: string; readonly gridId: string; readonly communityId: string; readonly details: BaseRecordDetails };
};
/** The fields given replace the entry's; the others stay as they are. */
export type AmendBaseRecord = { readonly type: 'AmendBaseRecord'; readonly data: { readonly fields: BaseRecordFields } };
export type RetireBaseRecord = { readonly type: 'RetireBaseRecord'; readonly data: { readonly reason: string } };

export type BaseRecordCommand = RegisterBaseRecord | AmendBaseRecord | RetireBaseRecord;
