import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

export interface ProjectRequestView {
  requestId: string;
  resourceId: string;
  purpose: string;
  status: 'requested' | 'approved' | 'declined';
  reason: string | null;
  note: string | null;
}

/** 项目清单: community projects, public. Residents' ids stay out of it: the team is a count. */
@Entity('cb_projects')
export class ProjectView {
  @PrimaryColumn('varchar', { name: 'project_id', length: 100 }) projectId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('text') summary!: string;
  @Column('varchar', { length: 100, nullable: true }) category!: string | null;
  @Column('int', { name: 'team_size', default: 1 }) teamSize!: number;
  @Column('int', { default: 0 }) activities!: number;
  @Column('int', { name: 'participants_total', default: 0 }) participantsTotal!: number;
  @Column('int', { name: 'team_income_fen', default: 0 }) teamIncomeFen!: number;
  @Column('int', { name: 'fund_income_fen', default: 0 }) fundIncomeFen!: number;
  @Column('simple-json') requests!: ProjectRequestView[];
  @InstantColumn({ name: 'started_at', length: 40 }) startedAt!: string;
}

/** 资源清单: the community's pool. */
@Entity('cb_resources')
export class ResourceView {
  @PrimaryColumn('varchar', { name: 'resource_id', length: 100 }) resourceId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 20 }) kind!: 'space' | 'goods' | 'service' | 'skill';
  @Column('varchar', { length: 200 }) title!: string;
  @Column('text') description!: string;
  @Column('varchar', { length: 100 }) category!: string;
  @Column('simple-json') tags!: string[];
  @Column('varchar', { name: 'offered_by_kind', length: 20 }) offeredByKind!: string;
  @Column('varchar', { name: 'offered_by_name', length: 200 }) offeredByName!: string;
  @Column('varchar', { name: 'opens_at', length: 5, nullable: true }) opensAt!: string | null;
  @Column('varchar', { name: 'closes_at', length: 5, nullable: true }) closesAt!: string | null;
  @InstantColumn({ name: 'listed_at', length: 40 }) listedAt!: string;
}

/**
 * The bookings of the spaces. The public availability lists those still `booked`, without who booked;
 * who booked is kept only so a resident sees their own bookings, cancelled ones included.
 */
@Entity('cb_bookings')
@Index(['resourceId', 'day'])
export class BookingView {
  @PrimaryColumn('varchar', { name: 'booking_id', length: 100 }) bookingId!: string;
  @Column('varchar', { name: 'resource_id', length: 100 }) resourceId!: string;
  @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 10 }) day!: string;
  @Column('varchar', { name: 'from_time', length: 5 }) from!: string;
  @Column('varchar', { name: 'to_time', length: 5 }) to!: string;
  @Column('text') purpose!: string;
  @Column('varchar', { name: 'project_id', length: 100, nullable: true }) projectId!: string | null;
  @Column('varchar', { length: 10, default: 'booked' }) status!: 'booked' | 'cancelled';
  // Nullable: rows projected before cancellation existed have none; a replay fills them in.
  @Index() @Column('varchar', { name: 'booked_by', length: 100, nullable: true }) bookedBy!: string | null;
  @Column('varchar', { name: 'cancelled_as', length: 20, nullable: true }) cancelledAs!: 'booker' | 'community_officer' | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason!: string | null;
  @InstantColumn({ name: 'cancelled_at', length: 40, nullable: true }) cancelledAt!: string | null;
}

/** 需求清单: residents' needs. */
@Entity('cb_needs')
export class NeedView {
  @PrimaryColumn('varchar', { name: 'need_id', length: 100 }) needId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('text') description!: string;
  @Column('varchar', { length: 100 }) category!: string;
  @Column('simple-json') tags!: string[];
  @InstantColumn({ name: 'posted_at', length: 40 }) postedAt!: string;
}

/** The community fund's public ledger: one entry per income a project recorded, with the split. */
@Entity('cb_fund_ledger')
export class FundLedgerEntry {
  @PrimaryColumn('varchar', { name: 'income_id', length: 100 }) incomeId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { name: 'project_id', length: 100 }) projectId!: string;
  @Column('varchar', { name: 'project_title', length: 200 }) projectTitle!: string;
  @Column('varchar', { length: 20 }) source!: string;
  @Column('text') description!: string;
  @Column('int', { name: 'amount_fen' }) amountFen!: number;
  @Column('int', { name: 'team_share_percent' }) teamSharePercent!: number;
  @Column('int', { name: 'team_share_fen' }) teamShareFen!: number;
  @Column('int', { name: 'fund_share_fen' }) fundShareFen!: number;
  @InstantColumn({ name: 'recorded_at', length: 40 }) recordedAt!: string;
}

/** The community fund's public ledger, the other side: what officers spent from the fund, on what, on whose decision. */
@Entity('cb_fund_spendings')
export class FundSpendingEntry {
  @PrimaryColumn('varchar', { name: 'spending_id', length: 100 }) spendingId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('int', { name: 'amount_fen' }) amountFen!: number;
  @Column('text') purpose!: string;
  @Column('varchar', { name: 'council_topic_id', length: 100, nullable: true }) councilTopicId!: string | null;
  @InstantColumn({ name: 'recorded_at', length: 40 }) recordedAt!: string;
}

export interface GradeHistoryEntry {
  grade: string;
  evaluatedOn: string;
  validUntil: string;
  note: string | null;
}

/** The registry of community social organisations, each with its current grade and its grade history. */
@Entity('cb_organisations')
export class OrganisationView {
  @PrimaryColumn('varchar', { name: 'organisation_id', length: 100 }) organisationId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { length: 40 }) kind!: string;
  @Column('simple-json') services!: string[];
  @Column('varchar', { length: 2, nullable: true }) grade!: string | null;
  @Column('varchar', { name: 'grade_valid_until', length: 10, nullable: true }) gradeValidUntil!: string | null;
  @Column('simple-json') grades!: GradeHistoryEntry[];
  @InstantColumn({ name: 'registered_at', length: 40 }) registeredAt!: string;
}

export const CO_BUILDING_ENTITIES = [
  ProjectView,
  ResourceView,
  BookingView,
  NeedView,
  FundLedgerEntry,
  FundSpendingEntry,
  OrganisationView,
] as const;
