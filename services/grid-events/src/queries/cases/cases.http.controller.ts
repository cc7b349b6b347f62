import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { In, type FindOptionsWhere } from 'typeorm';
import { CurrentPrincipal, hasRole, ZodQuery, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { forbidden, overseesHere, placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { CaseReporters } from '../../application/case-reporters';
import { DuplicateFinder } from '../../application/duplicate-finder';
import { caseStreamId } from '../../domain/case/case.events';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import { CaseView } from '../../read-models/case-view.entity';
import type { ReferenceData } from '../../reference-data/reference-data';
import { presentCase, presentListItem, PUBLIC_STATUSES, timelineOf } from './case-presentation';
import { duplicatesQuery, listCasesQuery, type DuplicatesQuery, type ListCasesQuery } from './cases.request';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesHttpController {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
    private readonly duplicates: DuplicateFinder,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Get('duplicates')
  @ApiOperation({ summary: 'Open cases of the same category within 50 m and 60 days: follow one instead of reporting again' })
  async findDuplicates(@ZodQuery(duplicatesQuery) query: DuplicatesQuery) {
    this.reference.category(query.categoryCode);
    return { duplicates: await this.duplicates.near(query.categoryCode, { lat: query.lat, long: query.long }) };
  }

  @Get()
  @ApiOperation({ summary: "Cases: a resident's own and followed ones; staff see those of their grid, community, street or department" })
  async list(@CurrentPrincipal() principal: Principal, @ZodQuery(listCasesQuery) query: ListCasesQuery) {
    const repo = this.infrastructure.dataSource.getRepository(CaseView);
    const statusFilter = query.status ? { status: In(query.status.split(',')) } : {};
    const where = await this.scopeOf(principal, query.mine === 'true');
    const rows = await repo.find({ where: where.map((w) => ({ ...w, ...statusFilter })), order: { reportedAt: 'DESC' }, take: query.limit });
    return { cases: rows.map(presentListItem) };
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A case with its timeline, as the caller may see it' })
  async get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string) {
    const state = await this.cases.existing(caseId);
    const isReporter = await this.reporters.isReporter(caseId, principal.subject);
    const place = placeOf(this.reference.grid(state.report.gridId));
    const mayRead =
      isReporter ||
      PUBLIC_STATUSES.includes(state.status) ||
      overseesHere(principal, place, state.assignment?.departmentId ?? null) ||
      (await this.reporters.isFollower(caseId, principal.subject));
    if (!mayRead) throw forbidden('this case is not public yet, and you neither reported nor handle it');
    const { events } = await this.infrastructure.eventStore.readStream(caseStreamId(caseId));
    return { ...presentCase(state, isReporter), timeline: timelineOf(events) };
  }

  private async scopeOf(principal: Principal, mine: boolean): Promise<FindOptionsWhere<CaseView>[]> {
    const s = principal.scope;
    if (mine || hasRole(principal, 'resident')) return [{ caseId: In(await this.reporters.casesOf(principal.subject)) }];
    const where: FindOptionsWhere<CaseView>[] = [];
    if (hasRole(principal, 'grid_worker') && s.gridId) where.push({ gridId: s.gridId });
    if (hasRole(principal, 'community_officer') && s.communityId) where.push({ communityId: s.communityId });
    if (hasRole(principal, 'street_officer') && s.streetId) where.push({ streetId: s.streetId });
    if (hasRole(principal, 'department_staff') && s.departmentId) where.push({ departmentId: s.departmentId });
    if ((hasRole(principal, 'supervisor') && s.districtId) || hasRole(principal, 'admin')) {
      const streets = this.reference.allGrids().filter((g) => (s.districtId ? g.districtId === s.districtId : g.cityId === s.cityId));
      where.push({ streetId: In([...new Set(streets.map((g) => g.streetId))]) });
    }
    if (where.length === 0) throw forbidden('your role and scope cover no cases');
    return where;
  }
}
