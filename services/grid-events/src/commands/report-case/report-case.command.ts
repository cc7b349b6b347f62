import type { PublicEventData } from '@gongzhi/contracts';
import type { Principal } from '@gongzhi/identity';

export interface CaseIntake {
  readonly categoryCode: string;
  readonly description: string;
  readonly location?: { readonly lat: number; readonly long: number } | null;
  readonly address?: string | null;
  readonly photoIds: readonly string[];
  readonly anonymous: boolean;
  /** A facility of the case's grid register (路灯、消防栓、电梯 …); refused when the grid has no such facility. */
  readonly facilityId?: string;
  /** An anonymous reporter allows the handling staff to see who they are (never the public or other residents). */
  readonly nameVisibleToStaff?: boolean;
  /** The reporting resident or grid worker; null for an Open311 client. */
  readonly reporter: Principal | null;
  readonly via: PublicEventData<'CaseReported'>['reportedVia'];
  readonly client?: string;
}

/** 随手拍, from the app or an Open311 client. */
export class ReportCase {
  readonly type = 'ReportCase';
  constructor(readonly data: { readonly intake: CaseIntake }) {}
}
