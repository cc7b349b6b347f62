import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CLOSE_HEAD_ELECTION_TIMER, CLOSE_OWNERS_VOTE_TIMER, VOTING_SCHEDULER } from '../deliberation.tokens';
import type { Caller } from '../domain/caller';
import type { BuildingCommand, ResidentLookup } from '../domain/building/building.commands';
import { buildingDecider, buildingStreamId } from '../domain/building/building.decider';
import type { BuildingEvent } from '../domain/building/building.events';
import type { BuildingState } from '../domain/building/building.state';
import {
  ownersVoteDecider,
  ownersVoteStreamId,
  type OwnersVoteCommand,
  type OwnersVoteEvent,
  type OwnersVoteState,
} from '../domain/owners-vote/owners-vote.decider';
import { RESIDENT_REGISTER, type ResidentRegister } from '../roll/resident-register';

/** Load, decide, append for buildings and owners' votes, and set their votes' deadlines once those are stored. */
@Injectable()
export class BuildingCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async building(buildingId: string): Promise<BuildingState> {
    const { events } = await this.infrastructure.eventStore.readStream(buildingStreamId(buildingId));
    return fold(
      buildingDecider,
      events.map((e) => toDomainEvent<BuildingEvent>(e)),
    );
  }

  async buildingEvents(buildingId: string): Promise<{ events: BuildingEvent[] }> {
    const { events } = await this.infrastructure.eventStore.readStream(buildingStreamId(buildingId));
    return { events: events.map((e) => toDomainEvent<BuildingEvent>(e)) };
  }

  async ownersVote(voteId: string): Promise<OwnersVoteState> {
    const { events } = await this.infrastructure.eventStore.readStream(ownersVoteStreamId(voteId));
    return fold(
      ownersVoteDecider,
      events.map((e) => toDomainEvent<OwnersVoteEvent>(e)),
    );
  }

  /** Whether a voter roll stream holds a ballot: THAT someone voted, for their own page. */
  async hasVoted(streamId: string): Promise<boolean> {
    const { events } = await this.infrastructure.eventStore.readStream(streamId);
    return events.length > 0;
  }

  /** The register's word on a resident: a made-up id is an unverified nobody. */
  async lookUp(residentId: string): Promise<ResidentLookup> {
    const found = await this.register.find(residentId);
    return { residentId, gridId: found?.gridId ?? null, verified: found?.verified ?? false };
  }

  async executeOnBuilding(
    buildingId: string,
    command: BuildingCommand,
    caller: Caller,
    now = this.now(),
  ): Promise<CommandResult<BuildingState>> {
    const result = await handleCommand(
      this.infrastructure.eventStore,
      buildingDecider,
      buildingStreamId(buildingId),
      command,
      commandMetadataFor(caller, now),
      { caller },
    );
    for (const event of result.events) {
      if (event.type === 'BuildingHeadElectionOpened') {
        const { electionId, closesAt } = event.data as { electionId: string; closesAt: string };
        await this.scheduler.schedule(`close-head-election:${electionId}`, new Date(closesAt), CLOSE_HEAD_ELECTION_TIMER, {
          buildingId,
          electionId,
        });
      }
    }
    return result;
  }

  async executeOnOwnersVote(
    voteId: string,
    command: OwnersVoteCommand,
    caller: Caller,
    now = this.now(),
  ): Promise<CommandResult<OwnersVoteState>> {
    const result = await handleCommand(
      this.infrastructure.eventStore,
      ownersVoteDecider,
      ownersVoteStreamId(voteId),
      command,
      commandMetadataFor(caller, now),
      { caller },
    );
    for (const event of result.events) {
      if (event.type === 'OwnersVoteOpened') {
        const { closesAt } = event.data as { closesAt: string };
        await this.scheduler.schedule(`close-owners-vote:${voteId}`, new Date(closesAt), CLOSE_OWNERS_VOTE_TIMER, { voteId });
      }
    }
    return result;
  }
}
