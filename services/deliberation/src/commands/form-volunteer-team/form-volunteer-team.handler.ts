import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import { FormVolunteerTeam } from './form-volunteer-team.command';

export interface VolunteerTeamAnswer {
  readonly teamId: string;
  readonly communityId: string;
  readonly name: string;
  /** Null when none was named, or when the one named withdrew from the pool as they were appointed. */
  readonly leaderId: string | null;
}

@CommandHandler(FormVolunteerTeam)
export class FormVolunteerTeamHandler implements ICommandHandler<FormVolunteerTeam, VolunteerTeamAnswer> {
  constructor(private readonly teams: VolunteerTeamCommands) {}

  async execute({ data: { caller, communityId, request } }: FormVolunteerTeam): Promise<VolunteerTeamAnswer> {
    const teamId = uuidv7(this.teams.now().getTime());
    const { name, purpose } = request;
    const leaderId = request.leaderId ?? null;
    const state = await this.teams.appoint(
      communityId,
      { type: 'FormTeam', data: { teamId, communityId, name, purpose, leaderId } },
      caller,
      leaderId,
    );
    const team = state.teams.find((t) => t.teamId === teamId)!;
    return { teamId, communityId, name: team.name, leaderId: team.leaderId };
  }
}
