import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { AcknowledgeCase, ResolveCase } from './handle-case.command';
import { resolveCaseRequest, type ResolveCaseRequest } from './handle-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow({ role: 'grid_worker', scope: 'grid' })
@Controller('api/cases/:caseId')
export class HandleCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收: the grid worker the case was dispatched to takes it' })
  async acknowledge(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    await this.commands.execute(new AcknowledgeCase({ caseId, principal }));
    return { caseId, status: 'Acknowledged' };
  }

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: '处置完毕: resolved, with notes and after-photos; the reporter is asked to confirm' })
  async resolve(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(resolveCaseRequest) body: ResolveCaseRequest,
  ) {
    await this.commands.execute(new ResolveCase({ caseId, principal, request: body }));
    return { caseId, status: 'Resolved' };
  }
}
