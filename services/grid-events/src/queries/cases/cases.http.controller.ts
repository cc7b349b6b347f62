import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, hasRole, ZodQuery, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { forbidden } from '../../application/case-access';
import { CaseReaders, readableCaseOf } from '../../application/case-readers';
import { CaseCommands } from '../../application/case-commands';
import { CaseReporters } from '../../application/case-reporters';
import { DuplicateFinder } from '../../application/duplicate-finder';
import { caseStreamId } from '../../domain/case/case.events';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { CaseListAnswers } from './case-list-answers';
import { CaseLists, type ListScope } from './case-lists';
import { presentCase, presentListItem, timelineOf } from './case-presentation';
import { duplicatesQuery, listCasesQuery, type DuplicatesQuery, type ListCasesQuery } from './cases.request';
import { answerJson, ApiOkFrom, type JsonResponse } from '@gongzhi/platform';
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
    private readonly lists: CaseLists,
    private readonly answers: CaseListAnswers,
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
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listCasesQuery) query: ListCasesQuery, @Res() response: JsonResponse) {
    return answerJson(
      response,
      this.answers.read(principal, query, () => this.listOf(principal, query)),
    );
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

  private async listOf(principal: Principal, query: ListCasesQuery) {
    const statuses = query.status ? query.status.split(',') : undefined;
    const rows =
      query.mine === 'true' || hasRole(principal, 'resident')
        ? await this.lists.ownAndFollowed(principal.subject, statuses, query.limit)
        : await this.lists.inScope(principal.subject, this.scopeOf(principal), statuses, query.limit);
    return {
      cases: rows.flatMap((row) => {
        const sight = this.readers.sightFrom(principal, row);
        return sight.content === 'full' ? [presentListItem(row, sight)] : [];
      }),
    };
  }

  private scopeOf(principal: Principal): ListScope {
    const s = principal.scope;
    const scope: { column: ListScope[number]['column']; values: string[] }[] = [];
    if (hasRole(principal, 'grid_worker') && s.gridId) scope.push({ column: 'grid_id', values: [s.gridId] });
    if (hasRole(principal, 'community_officer') && s.communityId) scope.push({ column: 'community_id', values: [s.communityId] });
    if (hasRole(principal, 'street_officer') && s.streetId) scope.push({ column: 'street_id', values: [s.streetId] });
    if (hasRole(principal, 'department_staff') && s.departmentId) scope.push({ column: 'department_id', values: [s.departmentId] });
    if ((hasRole(principal, 'supervisor') && s.districtId) || hasRole(principal, 'admin')) {
      const streets = this.reference.allGrids().filter((g) => (s.districtId ? g.districtId === s.districtId : g.cityId === s.cityId));
      scope.push({ column: 'street_id', values: [...new Set(streets.map((g) => g.streetId))] });
    }
    if (scope.length === 0) throw forbidden('your role and scope cover no cases');
    return scope;
  }
}
