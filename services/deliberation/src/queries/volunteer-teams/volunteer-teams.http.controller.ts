import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, authorityCovers, cityTree, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { ApiOkFrom } from '@gongzhi/platform';
import { z } from 'zod';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import { OFFICER_ROLES } from '../../domain/caller';
import { displayNamesOf } from '../../roll/display-names';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';

export const volunteerTeamsAnswer = z.object({
  communityId: z.string(),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      purpose: z.string().nullable(),
      leader: z
        .object({
          residentId: z.string().optional().describe("Shown to the community's officers (and to the leader), who appoint by it."),
          displayName: z.string().nullable().describe('Null where no resident register is configured: "a resident".'),
          you: z.boolean().describe('The reader leads this team.'),
        })
        .nullable()
        .describe('Null while the team waits for a leader.'),
    }),
  ),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/communities')
export class VolunteerTeamsHttpController {
  constructor(
    private readonly teams: VolunteerTeamCommands,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  @Get(':communityId/volunteer-teams')
  @Allow('resident', ...OFFICER_ROLES)
  @ApiOperation({ summary: "The community's volunteer teams (志愿服务队) and who leads each, by name; its residents and officers" })
  @ApiOkFrom(volunteerTeamsAnswer, 'In the order the teams were formed.')
  async list(@CurrentPrincipal() p: Principal, @Param('communityId') communityId: string): Promise<z.output<typeof volunteerTeamsAnswer>> {
    const officer = authorityCovers(p, cityTree().placeOfCommunity(communityId), OFFICER_ROLES);
    if (!officer && !(p.roles.includes('resident') && p.scope.communityId === communityId)) {
      throw new DomainError('VOLUNTEER_TEAM.FORBIDDEN', `the teams of ${communityId} are shown to its residents and officers`, {
        communityId,
      });
    }
    const { teams } = await this.teams.teams(communityId);
    const names = await displayNamesOf(
      this.register,
      teams.flatMap((t) => (t.leaderId ? [t.leaderId] : [])),
    );
    return {
      communityId,
      teams: teams.map(({ teamId, name, purpose, leaderId }) => ({
        teamId,
        name,
        purpose,
        leader: leaderId
          ? {
              ...(officer || leaderId === p.subject ? { residentId: leaderId } : {}),
              displayName: names.get(leaderId) ?? null,
              you: leaderId === p.subject,
            }
          : null,
      })),
    };
  }
}
