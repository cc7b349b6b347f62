import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { BuildingCommands } from '../../application/building-commands';
import { homeBallotStreamId } from '../../domain/owners-vote/home-ballot.decider';
import { OwnersVoteClosed, OwnersVoteOpened } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

const closed = OwnersVoteClosed.schema;

export const ownersVoteResponse = z.object({
  voteId: z.string(),
  status: z.enum(['Open', 'Closed']),
  communityId: z.string(),
  question: z.string(),
  options: OwnersVoteOpened.schema.shape.options,
  rule: OwnersVoteOpened.schema.shape.rule,
  quorumPercent: z.number(),
  passThresholdPercent: z.number(),
  closesAt: z.iso.datetime({ offset: true }),
  homesOnRoll: z.number().int(),
  areaOnRollSquareMetres: z.number(),
  myHomes: z
    .array(z.object({ homeId: z.string(), address: z.string(), areaSquareMetres: z.number(), voted: z.boolean() }))
    .describe('The homes the caller owns on the roll'),
  result: closed
    .extend({
      tally: z.array(closed.shape.tally.element.omit({ areaHundredths: true }).extend({ areaSquareMetres: z.number() })),
      areaVotedSquareMetres: z.number(),
      areaOnRollSquareMetres: z.number(),
    })
    .nullable()
    .describe('Both measures, whatever the rule, once closed'),
});

const squareMetres = (hundredths: number) => hundredths / 100;

/**
 * An owners' vote: the question, the rule, the roll's size in homes and area, the homes the caller owns on it, and
 * the result (both measures, whatever the rule) once closed. Owners are never listed.
 */
@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/owners-votes')
export class GetOwnersVoteHttpController {
  constructor(private readonly buildings: BuildingCommands) {}

  @Get(':voteId')
  @Allow('resident', 'grid_worker', 'community_officer', 'street_officer', 'supervisor', 'admin')
  @ApiOperation({ summary: "An owners' vote: question, options, rule, roll size, my homes on it, and the result once closed" })
  @ApiOkFrom(ownersVoteResponse, "The owners' vote; owners are never listed.")
  async vote(@Param('voteId') voteId: string, @CurrentPrincipal() p: Principal): Promise<AnswerOf<typeof ownersVoteResponse>> {
    const state = await this.buildings.ownersVote(voteId);
    if (state.status === 'None') throw new DomainError('OWNERS_VOTE.NOT_FOUND', 'no such vote');
    const { vote } = state;
    return {
      voteId,
      status: state.status,
      communityId: vote.communityId,
      question: vote.question,
      options: vote.options,
      rule: vote.rule,
      quorumPercent: vote.quorumPercent,
      passThresholdPercent: vote.passThresholdPercent,
      closesAt: vote.closesAt,
      homesOnRoll: vote.homesOnRoll,
      areaOnRollSquareMetres: squareMetres(vote.areaOnRollHundredths),
      myHomes: await Promise.all(
        vote.homes
          .filter((h) => h.ownerIds.includes(p.subject))
          .map(async (h) => ({
            homeId: h.homeId,
            address: await this.addressOf(h.buildingId, h.homeId),
            areaSquareMetres: squareMetres(h.areaHundredths),
            voted: await this.buildings.hasVoted(homeBallotStreamId(voteId, h.homeId)),
          })),
      ),
      result:
        state.status === 'Closed'
          ? {
              ...state.result,
              tally: state.result.tally.map(({ areaHundredths, ...row }) => ({ ...row, areaSquareMetres: squareMetres(areaHundredths) })),
              areaVotedSquareMetres: squareMetres(state.result.areaVotedHundredths),
              areaOnRollSquareMetres: squareMetres(state.result.areaOnRollHundredths),
            }
          : null,
    };
  }

  /** The owner's own home as they know it: building, unit and door. */
  private async addressOf(buildingId: string, homeId: string): Promise<string> {
    const building = await this.buildings.building(buildingId);
    const home = building.status === 'Registered' ? building.homes[homeId] : undefined;
    return building.status === 'Registered' && home ? `${building.name} ${home.unit} ${home.number}` : homeId;
  }
}
