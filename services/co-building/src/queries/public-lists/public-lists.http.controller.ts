import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { Public, ZodQuery } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BookingView, FundLedgerEntry, FundSpendingEntry, NeedView, OrganisationView, ProjectView, ResourceView } from '../../read-models/co-building-views.entity';
import { matchResources } from './matching';
import { bookingsQuery, communityQuery, resourcesQuery, type BookingsQuery, type CommunityQuery, type ResourcesQuery } from './public-lists.request';


const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const where = <T extends Record<string, unknown>>(query: T) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));

/** Open data: the three lists (资源清单、需求清单、项目清单), space bookings, matching, the fund's ledger, the organisation registry. */
@ApiTags('co-building: public lists')
@Controller('api/co-building')
export class PublicListsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  private get db() {
    return this.infrastructure.dataSource;
  }

  @Get('resources')
  @Public()
  @ApiOperation({ summary: '资源清单: spaces, offers of companies and institutions, residents’ skills' })
  resources(@ZodQuery(resourcesQuery) query: ResourcesQuery) {
    return this.db.getRepository(ResourceView).find({ where: where(query), order: { listedAt: 'ASC', resourceId: 'ASC' } });
  }

  @Get('resources/:resourceId/bookings')
  @Public()
  @ApiOperation({ summary: 'The booked slots of a space (by day): what is not listed is free; a cancelled booking frees its slot' })
  async bookings(@Param('resourceId') resourceId: string, @ZodQuery(bookingsQuery) query: BookingsQuery) {
    const bookings = await this.db.getRepository(BookingView).find({ where: where({ resourceId, ...query, status: 'booked' }), order: { day: 'ASC', from: 'ASC' } });
    return bookings.map(({ bookingId, resourceId, communityId, day, from, to, purpose, projectId }) => ({ bookingId, resourceId, communityId, day, from, to, purpose, projectId }));
  }

  @Get('needs')
  @Public()
  @ApiOperation({ summary: '需求清单: residents’ needs' })
  needs(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.db.getRepository(NeedView).find({ where: where(query), order: { postedAt: 'ASC', needId: 'ASC' } });
  }

  @Get('needs/:needId/matches')
  @Public()
  @ApiOperation({ summary: 'Resources proposed for a need, best first, each with its score and reasons' })
  async matches(@Param('needId') needId: string) {
    const need = await this.db.getRepository(NeedView).findOneBy({ needId });
    if (!need) throw new DomainError('NEED.NOT_FOUND', `No need ${needId}`);
    const resources = await this.db.getRepository(ResourceView).find();
    return { need, matches: matchResources(need, resources) };
  }

  @Get('projects')
  @Public()
  @ApiOperation({ summary: '项目清单: community projects' })
  projects(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.db.getRepository(ProjectView).find({ where: where(query), order: { startedAt: 'ASC', projectId: 'ASC' } });
  }

  @Get('projects/:projectId')
  @Public()
  @ApiOperation({ summary: 'One community project with its resource requests' })
  async project(@Param('projectId') projectId: string) {
    const project = await this.db.getRepository(ProjectView).findOneBy({ projectId });
    if (!project) throw new DomainError('PROJECT.NOT_FOUND', `No project ${projectId}`);
    return project;
  }

  @Get('fund/:communityId/ledger')
  @Public()
  @ApiOperation({
    summary:
      "The community fund's public ledger: every project income with its split and every spending with its purpose (and the council topic that approved it), in order, each with the balance after it",
  })
  async ledger(@Param('communityId') communityId: string) {
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

  @Get('organisations')
  @Public()
  @ApiOperation({ summary: 'The registry of community social organisations with their current grades' })
  organisations(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.db.getRepository(OrganisationView).find({ where: where(query), order: { name: 'ASC' } });
  }

  @Get('organisations/:organisationId')
  @Public()
  @ApiOperation({ summary: 'One organisation with its services and grade history' })
  async organisation(@Param('organisationId') organisationId: string) {
    const organisation = await this.db.getRepository(OrganisationView).findOneBy({ organisationId });
    if (!organisation) throw new DomainError('ORGANISATION.NOT_FOUND', `No organisation ${organisationId}`);
    return organisation;
  }
}
