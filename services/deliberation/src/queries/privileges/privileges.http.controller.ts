import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEVEL_PRIVILEGES, VOLUNTEER_ROLES, type VolunteerRole } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { Allow, CurrentPrincipal, ZodQuery, type Principal } from '@gongzhi/identity';
import { z } from 'zod';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { assertOfficerOf } from '../../domain/caller';
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
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class PrivilegesHttpController {
  constructor(
    private readonly roles: VolunteerRoleCommands,
    private readonly pool: VolunteerPool,
  ) {}

  @Get('residents/me/privileges')
  @Allow('resident')
  @ApiOperation({ summary: "The caller's level, what it unlocks here, and the roles they stand for (意见领袖)" })
  @ApiOkFrom(myPrivilegesResponse, "The caller's level, privileges and roles.")
  async mine(@CurrentPrincipal() p: Principal): Promise<AnswerOf<typeof myPrivilegesResponse>> {
    const [level, roles] = await Promise.all([this.roles.level(p.subject), this.roles.roles(p.subject)]);
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
    };
  }

  @Get('communities/:communityId/volunteer-pool')
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Who may be picked for a role in the community: opted in, with the level that unlocks it' })
  async volunteerPool(
    @CurrentPrincipal() p: Principal,
    @Param('communityId') communityId: string,
    @ZodQuery(poolQuery) query: { role: VolunteerRole },
  ) {
    assertOfficerOf(p, communityId, 'VOLUNTEER_ROLE.FORBIDDEN');
    return {
      communityId,
      role: query.role,
      needs: PRIVILEGE_FOR_ROLE[query.role],
      residents: await this.pool.eligible(communityId, query.role),
    };
  }
}
