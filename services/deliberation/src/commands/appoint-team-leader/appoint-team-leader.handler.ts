import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import type { VolunteerTeamAnswer } from '../form-volunteer-team/form-volunteer-team.handler';
import { AppointTeamLeader } from './appoint-team-leader.command';

@CommandHandler(AppointTeamLeader)
export class AppointTeamLeaderHandler implements ICommandHandler<AppointTeamLeader, VolunteerTeamAnswer> {
  constructor(private readonly teams: VolunteerTeamCommands) {}

  async execute({ data: { caller, communityId, teamId, leaderId } }: AppointTeamLeader): Promise<VolunteerTeamAnswer> {
    const state = await this.teams.appoint(
      communityId,
      { type: 'AppointLeader', data: { teamId, communityId, leaderId } },
      caller,
      leaderId,
    );
    const team = state.teams.find((t) => t.teamId === teamId)!;
    return { teamId, communityId, name: team.name, leaderId: team.leaderId };
  }
}
