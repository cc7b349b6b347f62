import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssistedReceipt } from '../../assisted/assisted-consent';
import { ASSISTANTS } from '../../http/presented-consent';
import { RecordAssistedBallot } from './record-assisted-ballot.command';
import { recordAssistedBallotRequest, type RecordAssistedBallotRequest } from './record-assisted-ballot.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class RecordAssistedBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('topics/:topicId/assisted-ballots')
  @Idempotent()
  @Allow(...ASSISTANTS)
  @ApiOperation({ summary: "Record a resident's secret ballot for them, with their consent; the answer says only that it was recorded" })
  assistedBallot(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordAssistedBallotRequest) body: RecordAssistedBallotRequest,
  ): Promise<AssistedReceipt> {
    return this.commands.execute(
      new RecordAssistedBallot({ topicId, residentId: body.residentId, optionId: body.optionId, consent: body.consent, assistant: p }),
    );
  }
}
