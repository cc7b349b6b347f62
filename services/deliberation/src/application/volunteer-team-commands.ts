import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../domain/caller';
import { VolunteerRoleCommands } from './volunteer-role-commands';
import type { Candidate } from '../domain/volunteer-roles/pick-from-pool';
import {
  teamLedBy,
  volunteerTeamDecider,
  volunteerTeamsStreamId,
  type VolunteerTeamCommand,
  type VolunteerTeamEvent,
  type VolunteerTeamsState,
} from '../domain/volunteer-team/volunteer-team.decider';

/** Load, decide, append for a community's volunteer teams; read from the stream, so a list never lags a command. */
@Injectable()
export class VolunteerTeamCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly volunteerRoles: VolunteerRoleCommands,
  ) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async teams(communityId: string): Promise<VolunteerTeamsState> {
    const { events } = await this.infrastructure.eventStore.readStream(volunteerTeamsStreamId(communityId));
    return fold(
      volunteerTeamDecider,
      events.map((e) => toDomainEvent<VolunteerTeamEvent>(e)),
    );
  }

  execute(
    communityId: string,
    command: VolunteerTeamCommand,
    caller: Caller,
    candidate?: Candidate,
  ): Promise<CommandResult<VolunteerTeamsState>> {
    return handleCommand(
      this.infrastructure.eventStore,
      volunteerTeamDecider,
      volunteerTeamsStreamId(communityId),
      command,
      commandMetadataFor(caller, this.now()),
      { caller, candidate },
    );
  }

  /**
   * Forms a team or appoints its leader with the leader checked against the pool as it stands now: their opt-in is
   * read from their own stream, so a withdrawal counts at once. Should they opt out between that read and the append,
   * their opt-out found no team to leave; so the pick is read once more after the append, and a leader who withdrew
   * meanwhile stands down at once.
   */
  async appoint(communityId: string, command: VolunteerTeamCommand, caller: Caller, leaderId: string | null): Promise<VolunteerTeamsState> {
    const candidate = leaderId === null ? undefined : await this.volunteerRoles.candidate(leaderId, 'volunteer-team-leader');
    const { state, events } = await this.execute(communityId, command, caller, candidate);
    if (leaderId === null || events.length === 0) return state;
    return (await this.standDownIfWithdrawn(leaderId, communityId, caller)) ?? state;
  }

  /**
   * A resident who no longer stands for leading teams in the community (opted out, or moved) leaves the team they
   * lead there. Called after their opt-out is stored (recorded as their act) and after an appointment (as the
   * officer's, who learns in the answer that the team has no leader).
   */
  async standDownIfWithdrawn(residentId: string, communityId: string, caller: Caller): Promise<VolunteerTeamsState | undefined> {
    const candidate = await this.volunteerRoles.candidate(residentId, 'volunteer-team-leader');
    if (candidate.standingIn === communityId) return undefined;
    const led = teamLedBy(await this.teams(communityId), residentId);
    if (!led) return undefined;
    const { state } = await this.execute(
      communityId,
      { type: 'StandDown', data: { teamId: led.teamId, communityId, leaderId: residentId, reason: 'opted-out' } },
      caller,
      candidate,
    );
    return state;
  }
}
