import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Public, ZodQuery, type Principal } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import type { DashboardsSettings } from '../../dashboards.settings';
import { DASHBOARD_PROJECTIONS, DASHBOARDS_SETTINGS } from '../../tokens';
import { EvaluatorGrantRow } from '../../read-models/evaluation.entities';
import { ApiOkFrom, ApiQueryFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import {
  communityEvaluationQuery,
  communityEvaluationResponse,
  readCommunityEvaluation,
  type CommunityEvaluationQuery,
} from './community-evaluation.query';
import { assertMayReadCommunity, liveGrantsOf } from './evaluator-access';
import { leagueTableCsv, leagueTableQuery, leagueTableResponse, readLeagueTable, type LeagueTableQuery } from './league-table.query';
import { evaluationReportsQuery, evaluationReportsResponse, readEvaluationReports, type EvaluationReportsQuery } from './reports.query';

const grant = z.object({
  grantId: z.string(),
  communityIds: z.array(z.string()),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
});
export const myGrantsResponse = z.object({ grants: z.array(grant) });
export const grantsInForceResponse = z.object({
  grants: z.array(grant.extend({ evaluatorId: z.string(), inForce: z.boolean().describe('Begun (else still to begin)') })),
});

/** Third-party evaluation (第三方评估) and the use of its results (结果运用): docs/evaluation.md. */
@ApiTags('dashboards: evaluation')
@Controller('api/dashboards')
export class EvaluationHttpController {
  constructor(
    @Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections,
    @Inject(DASHBOARDS_SETTINGS) private readonly settings: DashboardsSettings,
  ) {}

  @Get('evaluation/grants/me')
  @Allow('evaluator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The communities an evaluator may read now, and until when' })
  @ApiOkFrom(myGrantsResponse, 'The grants in force for the caller.')
  async myGrants(@CurrentPrincipal() principal: Principal): Promise<AnswerOf<typeof myGrantsResponse>> {
    const grants = await liveGrantsOf(this.projections.dataSource, principal.subject, this.projections.now());
    return { grants: grants.map(({ grantId, communityIds, validFrom, validUntil }) => ({ grantId, communityIds, validFrom, validUntil })) };
  }

  @Get('evaluation/grants')
  @Allow('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every evaluator grant not yet ended (in force or still to begin), for the admin who grants them' })
  @ApiOkFrom(grantsInForceResponse, 'The grants not yet ended, the earliest beginning first.')
  async grantsInForce(): Promise<AnswerOf<typeof grantsInForceResponse>> {
    const time = this.projections.now().getTime();
    const rows = await this.projections.dataSource.getRepository(EvaluatorGrantRow).find();
    const grants = rows
      .filter((grant) => time < Date.parse(grant.validUntil))
      .sort((a, b) => Date.parse(a.validFrom) - Date.parse(b.validFrom) || a.grantId.localeCompare(b.grantId));
    return {
      grants: grants.map(({ grantId, evaluatorId, communityIds, validFrom, validUntil }) => ({
        grantId,
        evaluatorId,
        communityIds,
        validFrom,
        validUntil,
        inForce: Date.parse(validFrom) <= time,
      })),
    };
  }

  @Get('evaluation/communities/:communityId')
  @Allow('evaluator', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A community's case figures and cases of a period, for its granted evaluator (no reporter is ever shown)",
  })
  @ApiQueryFrom(communityEvaluationQuery)
  @ApiOkFrom(communityEvaluationResponse, "The community's figures and cases of the period.")
  async community(
    @Param('communityId') communityId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(communityEvaluationQuery) query: CommunityEvaluationQuery,
  ): Promise<AnswerOf<typeof communityEvaluationResponse>> {
    await assertMayReadCommunity(this.projections.dataSource, principal, communityId, this.projections.now());
    return readCommunityEvaluation(this.projections.dataSource, communityId, query);
  }

  @Get('evaluation/reports')
  @Public()
  @ApiOperation({ summary: 'Published evaluation reports (评估报告), every version; a corrected one stays as it was published' })
  @ApiQueryFrom(evaluationReportsQuery)
  @ApiOkFrom(evaluationReportsResponse, 'Every published version, newest period and version first.')
  reports(@ZodQuery(evaluationReportsQuery) query: EvaluationReportsQuery): Promise<AnswerOf<typeof evaluationReportsResponse>> {
    return readEvaluationReports(this.projections.dataSource, query);
  }

  @Get('league-table')
  @Public()
  @ApiOperation({
    summary: 'The league table of a period (结果运用): satisfaction per department and per officer, and the communities’ evaluation scores',
  })
  @ApiQueryFrom(leagueTableQuery)
  @ApiOkFrom(leagueTableResponse, 'Departments, officers and communities of the period, ranked.')
  leagueTable(@ZodQuery(leagueTableQuery) query: LeagueTableQuery): Promise<AnswerOf<typeof leagueTableResponse>> {
    return readLeagueTable(this.projections.dataSource, query, this.settings.leagueTableOfficers);
  }

  @Get('league-table.csv')
  @Public()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="league-table.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The league table of a period as CSV, for the city’s own assessment' })
  @ApiQueryFrom(leagueTableQuery)
  async leagueTableCsv(@ZodQuery(leagueTableQuery) query: LeagueTableQuery) {
    return leagueTableCsv(await readLeagueTable(this.projections.dataSource, query, this.settings.leagueTableOfficers));
  }
}
