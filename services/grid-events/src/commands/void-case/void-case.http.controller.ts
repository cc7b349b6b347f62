import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { z } from 'zod';
import { VoidCase } from './void-case.command';
import { voidCaseRequest } from './void-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' })
@Controller('api/cases/:caseId')
export class VoidCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('void')
  @HttpCode(200)
  @ApiOperation({ summary: '作废: void an accepted case found invalid (its points are reversed), with a reason told to the reporter' })
  async void(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(voidCaseRequest) body: z.output<typeof voidCaseRequest>,
  ) {
    await this.commands.execute(new VoidCase({ caseId, principal, reason: body.reason }));
    return { caseId, status: 'Closed', voided: true };
  }
}
