import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import {
  BookingView,
  FundLedgerEntry,
  FundSpendingEntry,
  NeedView,
  OrganisationView,
  ProjectView,
  ResourceView,
} from '../../read-models/co-building-views.entity';
import { matchResources } from './matching';
import type { BookingsQuery, CommunityQuery, ResourcesQuery } from './public-lists.request';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const where = <T extends Record<string, unknown>>(query: T) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));

/** The open data of co-building as its read models hold it; bookings show no booker. */
@Injectable()
export class PublicLists {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  private get db() {
    return this.infrastructure.dataSource;
  }

  resources(query: ResourcesQuery) {
    return this.db.getRepository(ResourceView).find({ where: where(query), order: { listedAt: 'ASC', resourceId: 'ASC' } });
  }

  async bookings(resourceId: string, query: BookingsQuery) {
    const bookings = await this.db
      .getRepository(BookingView)
      .find({ where: where({ resourceId, ...query, status: 'booked' }), order: { day: 'ASC', from: 'ASC' } });
    return bookings.map(({ bookingId, resourceId, communityId, day, from, to, purpose, projectId }) => ({
      bookingId,
      resourceId,
      communityId,
      day,
      from,
      to,
      purpose,
      projectId,
    }));
  }

  needs(query: CommunityQuery) {
    return this.db.getRepository(NeedView).find({ where: where(query), order: { postedAt: 'ASC', needId: 'ASC' } });
  }

  async matches(needId: string) {
    const need = await this.db.getRepository(NeedView).findOneBy({ needId });
    if (!need) throw new DomainError('NEED.NOT_FOUND', `No need ${needId}`);
    const resources = await this.db.getRepository(ResourceView).find();
    return { need, matches: matchResources(need, resources) };
  }

  projects(query: CommunityQuery) {
    return this.db.getRepository(ProjectView).find({ where: where(query), order: { startedAt: 'ASC', projectId: 'ASC' } });
  }

  async project(projectId: string) {
    const project = await this.db.getRepository(ProjectView).findOneBy({ projectId });
    if (!project) throw new DomainError('PROJECT.NOT_FOUND', `No project ${projectId}`);
    return project;
  }

  async ledger(communityId: string) {
    const [incomes, spendings] = await Promise.all([
      this.db.getRepository(FundLedgerEntry).find({ where: { communityId } }),
      this.db.getRepository(FundSpendingEntry).find({ where: { communityId } }),
    ]);
    const entries = [
      ...incomes.map((entry) => ({ kind: 'income' as const, ...entry, id: entry.incomeId, changeFen: entry.fundShareFen })),
      ...spendings.map((entry) => ({ kind: 'spending' as const, ...entry, id: entry.spendingId, changeFen: -entry.amountFen })),
    ].sort((a, b) => compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id));
    let balanceFen = 0;
    return {
      communityId,
      entries: entries.map(({ id: _id, changeFen, ...entry }) => ({ ...entry, balanceFen: (balanceFen += changeFen) })),
      incomeFen: incomes.reduce((sum, entry) => sum + entry.fundShareFen, 0),
      spentFen: spendings.reduce((sum, entry) => sum + entry.amountFen, 0),
      balanceFen,
    };
  }

  organisations(query: CommunityQuery) {
    return this.db.getRepository(OrganisationView).find({ where: where(query), order: { name: 'ASC' } });
  }

  async organisation(organisationId: string) {
    const organisation = await this.db.getRepository(OrganisationView).findOneBy({ organisationId });
    if (!organisation) throw new DomainError('ORGANISATION.NOT_FOUND', `No organisation ${organisationId}`);
    return organisation;
  }
}
