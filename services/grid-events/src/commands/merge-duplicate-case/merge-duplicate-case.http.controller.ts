import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { MergeDuplicateCase } from './merge-duplicate-case.command';
import { mergeDuplicateCaseRequest, type MergeDuplicateCaseRequest } from './merge-duplicate-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow({ role: 'department_staff', scope: 'department' })
@Controller('api/cases/:caseId')
export class MergeDuplicateCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('merge-duplicate')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: '合并: the department merges a case it holds into another open case of its own that it repeats' })
  async merge(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(mergeDuplicateCaseRequest) body: MergeDuplicateCaseRequest,
  ) {
    await this.commands.execute(new MergeDuplicateCase({ caseId, principal, intoCaseId: body.intoCaseId }));
    return { caseId, status: 'Merged', intoCaseId: body.intoCaseId };
  }
}
