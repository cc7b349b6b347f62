import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { MyBallot } from './my-ballot.reader';
import { ApiOkFrom } from '@gongzhi/platform';
import { z } from 'zod';

export const myBallotResponse = z.object({
  voted: z.boolean(),
  assisted: z.boolean().describe('The ballot in the box is one staff recorded for me'),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class MyBallotHttpController {
  constructor(private readonly ballots: MyBallot) {}

  /** Enough to show a cast vote as cast after a reload; the choice stays in the secret ballot box. */
  @Get(':topicId/ballot')
  @Allow('resident')
  @ApiOperation({
    summary: 'Whether I have voted on this topic (never my choice): { voted, assisted }',
  })
  @ApiOkFrom(myBallotResponse, 'Whether the caller has voted, never how.')
  mine(@Param('topicId') topicId: string, @CurrentPrincipal() caller: Principal): Promise<z.output<typeof myBallotResponse>> {
    return this.ballots.of(topicId, caller.subject);
  }
}
