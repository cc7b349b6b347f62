import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RetireBaseRecord } from './retire-base-record.command';
import { retireBaseRecordRequest, type RetireBaseRecordRequest } from './retire-base-record.request';

@ApiTags('grid register')
@ApiBearerAuth()
@Controller('api/grids/:gridId/base-records/:recordId/retire')
export class RetireBaseRecordHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Allow(
    { role: 'grid_worker', scope: 'grid' },
    { role: 'community_officer', scope: 'community' },
    { role: 'street_officer', scope: 'street' },
    'admin',
  )
  @ApiOperation({ summary: "Take an entry out of a grid's register, with the reason; its history stays" })
  @ApiZodBody(retireBaseRecordRequest)
  async retire(
    @CurrentPrincipal() principal: Principal,
    @Param('gridId') gridId: string,
    @Param('recordId') recordId: string,
    @ZodBody(retireBaseRecordRequest) { reason }: RetireBaseRecordRequest,
  ): Promise<{ status: 'retired' }> {
    await this.commands.execute(new RetireBaseRecord({ principal, gridId, recordId, reason }));
    return { status: 'retired' };
  }
}
