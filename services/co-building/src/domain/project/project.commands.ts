import type { OpenTo } from '../participation';

export interface StartProject {
  readonly type: 'StartProject';
  readonly data: {
    readonly projectId: string;
    readonly communityId: string;
    readonly title: string;
    readonly summary: string;
    readonly category: string | null;
    readonly openTo?: OpenTo;
  };
}

export interface JoinTeam {
  readonly type: 'JoinTeam';
  readonly data: Readonly<Record<string, never>>;
}

export interface RequestResource {
  readonly type: 'RequestResource';
  readonly data: { readonly requestId: string; readonly resourceId: string; readonly purpose: string };
}

export interface ApproveResourceRequest {
  readonly type: 'ApproveResourceRequest';
  readonly data: { readonly requestId: string; readonly note: string | null };
}

export interface DeclineResourceRequest {
  readonly type: 'DeclineResourceRequest';
  readonly data: { readonly requestId: string; readonly reason: string };
}

export interface ReportActivity {
  readonly type: 'ReportActivity';
  readonly data: { readonly activityId: string; readonly heldOn: string; readonly summary: string; readonly participants: number };
}

export interface RecordIncome {
  readonly type: 'RecordIncome';
  readonly data: {
    readonly incomeId: string;
    readonly source: 'space_rent' | 'service_fee' | 'donation' | 'other';
    readonly description: string;
    readonly amountFen: number;
  };
}

export type ProjectCommand =
  StartProject | JoinTeam | RequestResource | ApproveResourceRequest | DeclineResourceRequest | ReportActivity | RecordIncome;
