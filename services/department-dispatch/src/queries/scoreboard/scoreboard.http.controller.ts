import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { DepartmentScore } from '../../read-models/department-score.entity';
import { scoreFigures } from '../../read-models/department-scores';
import { scoreboardQuery, type ScoreboardQuery } from './scoreboard.request';

/** The department scoreboard (open data): check-in and resolve times, shares within deadline, evaluation scores. */
@ApiTags('department-dispatch: scoreboard')
@Controller('api/department-dispatch/scoreboard')
export class ScoreboardHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Per department (summed over the filter), and per department, street and month' })
  async scoreboard(@ZodQuery(scoreboardQuery) query: ScoreboardQuery) {
    const where = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    const rows = await this.infrastructure.dataSource
      .getRepository(DepartmentScore)
      .find({ where, order: { departmentId: 'ASC', month: 'ASC', streetId: 'ASC' } });
    const departmentIds = [...new Set(rows.map((r) => r.departmentId))];
    return {
      filter: query,
      departments: departmentIds.map((departmentId) =>
        scoreFigures(
          rows.filter((r) => r.departmentId === departmentId),
          { departmentId, ...(query.month ? { month: query.month } : {}), ...(query.streetId ? { streetId: query.streetId } : {}) },
        ),
      ),
      rows: rows.map((row) => scoreFigures([row], { departmentId: row.departmentId, streetId: row.streetId, month: row.month })),
    };
  }
}
