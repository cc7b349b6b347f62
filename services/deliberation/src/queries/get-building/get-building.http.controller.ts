import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { BuildingCommands } from '../../application/building-commands';
import { buildingVoterStreamId } from '../../domain/building/building-voter.decider';
import { BuildingHeadElectionClosed, type PublicEventData } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

export const buildingResponse = z.object({
  buildingId: z.string(),
  name: z.string(),
  communityId: z.string(),
  gridId: z.string(),
  units: z.array(z.string()),
  homes: z.number().int().describe('How many homes; no owner is named'),
  myHomeId: z.string().nullable(),
  head: z.object({ residentId: z.string(), displayName: z.string().nullable() }).nullable().describe('楼栋长'),
  election: z
    .object({
      electionId: z.string(),
      status: z.enum(['Open', 'Closed']),
      closesAt: z.iso.datetime({ offset: true }),
      candidates: z.array(z.object({ residentId: z.string(), displayName: z.string() })),
      eligibleVoters: z.number().int(),
      mayVote: z.boolean(),
      iVoted: z.boolean(),
      result: BuildingHeadElectionClosed.schema.nullable().describe('The count, once closed'),
    })
    .nullable(),
});

/**
 * A building as its residents and staff see it: its units, how many homes, the head and the current election with
 * its count once closed. No owner and no resident is named but the candidates and the head, who stood in public.
 */
@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class GetBuildingHttpController {
  constructor(private readonly buildings: BuildingCommands) {}

  @Get(':buildingId')
  @Allow('resident', 'grid_worker', 'community_officer', 'street_officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'A building: units, homes, its head (楼栋长) and the current head election' })
  @ApiOkFrom(buildingResponse, 'The building and its current head election.')
  async building(@Param('buildingId') buildingId: string, @CurrentPrincipal() p: Principal): Promise<AnswerOf<typeof buildingResponse>> {
    const state = await this.buildings.building(buildingId);
    if (state.status === 'None') throw new DomainError('BUILDING.NOT_FOUND', 'no such building');
    const election = state.election;
    const closed = election?.status === 'Closed' ? await this.lastResult(buildingId) : null;
    const names = new Map((election?.candidates ?? []).map((c) => [c.residentId, c.displayName]));
    return {
      buildingId,
      name: state.name,
      communityId: state.communityId,
      gridId: state.gridId,
      units: state.units,
      homes: Object.keys(state.homes).length,
      myHomeId: state.residents[p.subject] ?? null,
      head: state.headResidentId ? { residentId: state.headResidentId, displayName: names.get(state.headResidentId) ?? null } : null,
      election: election && {
        electionId: election.electionId,
        status: election.status,
        closesAt: election.closesAt,
        candidates: election.candidates,
        eligibleVoters: election.roll.length,
        mayVote: election.status === 'Open' && election.roll.includes(p.subject),
        iVoted: await this.buildings.hasVoted(buildingVoterStreamId(election.electionId, p.subject)),
        result: closed,
      },
    };
  }

  private async lastResult(buildingId: string): Promise<PublicEventData<'BuildingHeadElectionClosed'> | null> {
    const { events } = await this.buildings.buildingEvents(buildingId);
    const closed = [...events].reverse().find((e) => e.type === 'BuildingHeadElectionClosed');
    return closed ? (closed.data as PublicEventData<'BuildingHeadElectionClosed'>) : null;
  }
}
