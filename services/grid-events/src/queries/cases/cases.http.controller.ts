import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { In, type FindOptionsWhere } from 'typeorm';
import { CurrentPrincipal, hasRole, ZodQuery, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { forbidden } from '../../application/case-access';
import { CaseReaders, readableCaseOf } from '../../application/case-readers';
import { CaseCommands } from '../../application/case-commands';
import { CaseReporters } from '../../application/case-reporters';
import { DuplicateFinder } from '../../application/duplicate-finder';
import { caseStreamId } from '../../domain/case/case.events';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import { CaseView } from '../../read-models/case-view.entity';
import type { ReferenceData } from '../../reference-data/reference-data';
import { presentCase, presentListItem, timelineOf } from './case-presentation';
import { duplicatesQuery, listCasesQuery, type DuplicatesQuery, type ListCasesQuery } from './cases.request';
import { ApiOkFrom } from '@gongzhi/platform';
import { caseAnswer, caseListAnswer, duplicatesAnswer } from './cases.response';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesHttpController {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
    private readonly duplicates: DuplicateFinder,
    private readonly readers: CaseReaders,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Get('duplicates')
  @ApiOperation({ summary: 'Open cases of the same category within 50 m and 60 days: follow one instead of reporting again' })
  @ApiOkFrom(duplicatesAnswer, 'Nearest first; a case the reader may not read yet is only a hint.')
  async findDuplicates(@CurrentPrincipal() principal: Principal, @ZodQuery(duplicatesQuery) query: DuplicatesQuery) {
    this.reference.category(query.categoryCode);
    return { duplicates: await this.duplicates.near(principal, query.categoryCode, { lat: query.lat, long: query.long }) };
  }

  @Get()
  @ApiOperation({ summary: "Cases: a resident's own and followed ones; staff see those of their grid, community, street or department" })
  @ApiOkFrom(caseListAnswer, 'Newest first.')
  async list(@CurrentPrincipal() principal: Principal, @ZodQuery(listCasesQuery) query: ListCasesQuery) {
    const repo = this.infrastructure.dataSource.getRepository(CaseView);
    const statuses = query.status ? query.status.split(',') : undefined;
    const rows =
      query.mine === 'true' || hasRole(principal, 'resident')
        ? await this.ownAndFollowed(principal.subject, statuses, query.limit)
        : await repo.find({
            where: this.scopeOf(principal).map((w) => (statuses ? { ...w, status: In(statuses) } : w)),
            order: { reportedAt: 'DESC' },
            take: query.limit,
          });
    const sights = await this.readers.sightsOf(principal, rows);
    return {
      cases: rows.flatMap((row) => {
        const sight = sights.get(row.caseId);
        return sight?.content === 'full' ? [presentListItem(row, sight)] : [];
      }),
    };
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A case with its timeline, as the caller may see it' })
  @ApiOkFrom(caseAnswer, 'The case with its timeline.')
  async get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string) {
    const state = await this.cases.existing(caseId);
    const sight = await this.readers.sightOf(principal, readableCaseOf(state));
    if (sight.content !== 'full') throw forbidden('this case is not public yet, and you neither reported, follow nor handle it');
    const reportedByYou = await this.reporters.isReporter(caseId, principal.subject);
    const { events } = await this.infrastructure.eventStore.readStream(caseStreamId(caseId));
    return { ...presentCase(state, sight, reportedByYou), timeline: timelineOf(events) };
  }

  /**
   * The cases a person reported or follows, newest first, in one query. The newest are picked from their ids and
   * report times alone; only those rows are read whole (a frequent reporter has hundreds of cases).
   */
  private ownAndFollowed(subject: string, statuses: string[] | undefined, limit: number): Promise<CaseView[]> {
    const ofStatus = statuses ? ' AND v.status IN (:...statuses)' : '';
    return this.infrastructure.dataSource
      .getRepository(CaseView)
      .createQueryBuilder('c')
      .where(
        'c.case_id IN (SELECT v.case_id FROM case_views v WHERE v.case_id IN (' +
          'SELECT r.case_id FROM case_reporters r WHERE r.reporter_id = :subject' +
          ' UNION SELECT f.case_id FROM case_followers f WHERE f.follower_id = :subject)' +
          `${ofStatus} ORDER BY v.reported_at DESC LIMIT :limit)`,
        { subject, limit, ...(statuses ? { statuses } : {}) },
      )
      .orderBy('c.reportedAt', 'DESC')
      .getMany();
  }

  private scopeOf(principal: Principal): FindOptionsWhere<CaseView>[] {
    const s = principal.scope;
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
