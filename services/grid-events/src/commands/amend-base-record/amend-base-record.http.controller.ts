import { Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { AmendBaseRecord } from './amend-base-record.command';
import { amendBaseRecordRequest, type AmendBaseRecordRequest } from './amend-base-record.request';

@ApiTags('grid register')
@ApiBearerAuth()
@Controller('api/grids/:gridId/base-records/:recordId')
export class AmendBaseRecordHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @Allow(
    { role: 'grid_worker', scope: 'grid' },
    { role: 'community_officer', scope: 'community' },
    { role: 'street_officer', scope: 'street' },
    'admin',
  )
  @ApiOperation({ summary: "Change fields of an entry of a grid's register; the entry's history records who changed what, and when" })
  @ApiZodBody(amendBaseRecordRequest)
  amend(
    @CurrentPrincipal() principal: Principal,
    @Param('gridId') gridId: string,
    @Param('recordId') recordId: string,
    @ZodBody(amendBaseRecordRequest) fields: AmendBaseRecordRequest,
  ): Promise<{ changed: number }> {
    return this.commands.execute(new AmendBaseRecord({ principal, gridId, recordId, fields }));
  }
}
