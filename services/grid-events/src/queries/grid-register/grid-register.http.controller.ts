import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodQuery, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { GridRegister } from '../../application/grid-register';
import { BaseRecord } from '../../read-models/base-record.entity';
import { CaseView } from '../../read-models/case-view.entity';
import { auditTrailOf } from './audit-trail';
import { listBaseRecordsQuery, type ListBaseRecordsQuery } from './grid-register.request';
import { ApiOkFrom } from '@gongzhi/platform';
import { baseRecordAnswer, baseRecordsAnswer, facilityCasesAnswer } from './grid-register.response';

const presentRow = (row: BaseRecord) => ({
  recordId: row.recordId,
  gridId: row.gridId,
  kind: row.kind,
  label: row.label,
  details: JSON.parse(row.details) as Record<string, unknown>,
  status: row.status,
  registeredAt: row.registeredAt,
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy,
});

/** A grid's register, read only by the staff of that grid (its grid workers, the officers over it). */
@ApiTags('grid register')
@ApiBearerAuth()
@Controller('api/grids/:gridId')
@Allow(
  { role: 'grid_worker', scope: 'grid' },
  { role: 'community_officer', scope: 'community' },
  { role: 'street_officer', scope: 'street' },
  'admin',
)
export class GridRegisterHttpController {
  constructor(
    private readonly register: GridRegister,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Get('base-records')
  @ApiOperation({ summary: "The entries of a grid's register, by kind (building, household, facility, organisation)" })
  @ApiOkFrom(baseRecordsAnswer, 'By kind, then label.')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('gridId') gridId: string,
    @ZodQuery(listBaseRecordsQuery) query: ListBaseRecordsQuery,
  ) {
    this.register.assertStaffOf(principal, gridId);
    const rows = await this.infrastructure.dataSource.getRepository(BaseRecord).find({
      where: { gridId, ...(query.kind ? { kind: query.kind } : {}), ...(query.status === 'all' ? {} : { status: query.status }) },
      order: { kind: 'ASC', label: 'ASC' },
    });
    return { gridId, records: rows.map(presentRow) };
  }

  @Get('base-records/:recordId')
  @ApiOperation({ summary: 'One entry as it stands, with its audit trail: who changed what, and when' })
  @ApiOkFrom(baseRecordAnswer, 'The entry and its audit trail, oldest first.')
  async get(@CurrentPrincipal() principal: Principal, @Param('gridId') gridId: string, @Param('recordId') recordId: string) {
    this.register.assertStaffOf(principal, gridId);
    await this.register.entryIn(gridId, recordId);
    const { state, recorded } = await this.register.load(recordId);
    if (state.status === 'None') return null;
    return {
      recordId,
      gridId,
      kind: state.details.kind,
      details: state.details,
      status: state.status === 'Active' ? 'active' : 'retired',
      history: auditTrailOf(recorded),
    };
  }

  @Get('facilities/:facilityId/cases')
  @ApiOperation({ summary: "A facility's case history: every case that names it, newest first" })
  @ApiOkFrom(facilityCasesAnswer, 'Newest first.')
  async facilityCases(@CurrentPrincipal() principal: Principal, @Param('gridId') gridId: string, @Param('facilityId') facilityId: string) {
    this.register.assertStaffOf(principal, gridId);
    const facility = await this.register.entryIn(gridId, facilityId);
    const rows = await this.infrastructure.dataSource
      .getRepository(CaseView)
      .find({ where: { facilityId, gridId }, order: { reportedAt: 'DESC' } });
    return {
      facilityId,
      label: facility.details.kind === 'household' ? facility.details.unit : facility.details.name,
      cases: rows.map((row) => ({
        caseId: row.caseId,
        categoryCode: row.categoryCode,
        description: row.description,
        status: row.status,
        reportedAt: row.reportedAt,
        updatedAt: row.updatedAt,
      })),
    };
  }
}
