import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEVEL_PRIVILEGES, VOLUNTEER_ROLES, type VolunteerRole } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { Allow, CurrentPrincipal, ZodQuery, type Principal } from '@gongzhi/identity';
import { z } from 'zod';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import { assertOfficerOf } from '../../domain/caller';
import { teamLedBy } from '../../domain/volunteer-team/volunteer-team.decider';
import { PRIVILEGE_FOR_ROLE } from '../../domain/volunteer-roles/pick-from-pool';
import { VolunteerPool } from './volunteer-pool.reader';

const poolQuery = z.object({ role: z.enum(VOLUNTEER_ROLES) });

export const myPrivilegesResponse = z.object({
  residentId: z.string(),
  level: z.object({ name: z.string(), index: z.number().int() }).nullable(),
  privileges: z.array(z.string()).describe(`What the level unlocks (等级权限): ${LEVEL_PRIVILEGES.join(', ')}`),
  roles: z.array(
    z.object({
      role: z.enum(VOLUNTEER_ROLES),
      optedIn: z.boolean(),
      communityId: z.string().nullable(),
      needs: z.enum(LEVEL_PRIVILEGES),
      eligible: z.boolean(),
    }),
  ),
  leadsTeam: z
    .object({ teamId: z.string(), communityId: z.string(), name: z.string(), purpose: z.string().nullable() })
    .nullable()
    .describe('The volunteer team (志愿服务队) the caller leads, if any.'),
});

export const volunteerPoolResponse = z.object({
  communityId: z.string(),
  role: z.enum(VOLUNTEER_ROLES),
  needs: z.enum(LEVEL_PRIVILEGES),
  residents: z.array(
    z.object({
      residentId: z.string(),
      displayName: z.string().nullable().describe('As their account shows it; null where no resident register is configured.'),
      level: z.string().nullable(),
    }),
  ),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class PrivilegesHttpController {
  constructor(
    private readonly roles: VolunteerRoleCommands,
    private readonly pool: VolunteerPool,
    private readonly teams: VolunteerTeamCommands,
  ) {}

  @Get('residents/me/privileges')
  @Allow('resident')
  @ApiOperation({
    summary: "The caller's level, what it unlocks here, the roles they stand for (意见领袖) and the volunteer team they lead",
  })
  @ApiOkFrom(myPrivilegesResponse, "The caller's level, privileges, roles and the team they lead.")
  async mine(@CurrentPrincipal() p: Principal): Promise<AnswerOf<typeof myPrivilegesResponse>> {
    const [level, roles] = await Promise.all([this.roles.level(p.subject), this.roles.roles(p.subject)]);
    // A resident leads only where they stand for leading teams: opting out or moving stands them down.
    const leadsIn = roles.standing['volunteer-team-leader'];
    const team = leadsIn ? teamLedBy(await this.teams.teams(leadsIn), p.subject) : undefined;
    return {
      residentId: p.subject,
      level: level ? { name: level.level, index: level.levelIndex } : null,
      privileges: level?.privileges ?? [],
      roles: VOLUNTEER_ROLES.map((role) => ({
        role,
        optedIn: roles.standing[role] !== undefined,
        communityId: roles.standing[role] ?? null,
        needs: PRIVILEGE_FOR_ROLE[role],
        eligible: roles.standing[role] !== undefined && (level?.privileges ?? []).includes(PRIVILEGE_FOR_ROLE[role]),
      })),
      leadsTeam: team && leadsIn ? { teamId: team.teamId, communityId: leadsIn, name: team.name, purpose: team.purpose } : null,
    };
  }

  @Get('communities/:communityId/volunteer-pool')
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Who may be picked for a role in the community: opted in, with the level that unlocks it' })
  @ApiOkFrom(volunteerPoolResponse, 'The residents staff may pick, by account id order.')
  async volunteerPool(
    @CurrentPrincipal() p: Principal,
    @Param('communityId') communityId: string,
    @ZodQuery(poolQuery) query: { role: VolunteerRole },
  ): Promise<AnswerOf<typeof volunteerPoolResponse>> {
    assertOfficerOf(p, communityId, 'VOLUNTEER_ROLE.FORBIDDEN');
    return {
      communityId,
      role: query.role,
      needs: PRIVILEGE_FOR_ROLE[query.role],
      residents: await this.pool.eligible(communityId, query.role),
    };
  }
}
