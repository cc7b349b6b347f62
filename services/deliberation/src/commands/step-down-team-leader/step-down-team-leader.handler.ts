import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import type { VolunteerTeamAnswer } from '../form-volunteer-team/form-volunteer-team.handler';
import { StepDownTeamLeader } from './step-down-team-leader.command';

@CommandHandler(StepDownTeamLeader)
export class StepDownTeamLeaderHandler implements ICommandHandler<StepDownTeamLeader, VolunteerTeamAnswer> {
  constructor(private readonly teams: VolunteerTeamCommands) {}

  async execute({ data: { caller, communityId, teamId } }: StepDownTeamLeader): Promise<VolunteerTeamAnswer> {
    // The caller steps down as themself: the command names no one else.
    const { state } = await this.teams.execute(
      communityId,
      { type: 'StandDown', data: { teamId, communityId, leaderId: caller.subject, reason: 'stepped-down' } },
      caller,
    );
    const team = state.teams.find((t) => t.teamId === teamId)!;
    return { teamId, communityId, name: team.name, leaderId: team.leaderId };
  }
}
