import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { In, IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import { ZodQuery } from '../../../http/zod-validation.pipe';
import { hasRole, ROLES, type Principal, type Role } from '../../../principal';
import { DocumentedAnswer } from '../../../http/documented-input';
import { Account } from '../../account.entity';
import { requiredText } from '../../request-fields';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';

/** A form's picker shows a handful; a longer list means the name typed is too short to choose by. */
const MATCHES = 10;

const FindPeopleQuerySchema = z.object({
  name: requiredText(50),
  /** `resident`: residents only (whose ballot a worker records); `staff`: everyone but residents (a meeting's moderator). */
  kind: z.enum(['resident', 'staff']).optional(),
});
type FindPeopleQuery = z.output<typeof FindPeopleQuerySchema>;

/** Names for ids a screen already holds (an evaluator's grant names its account by id), so it shows people by name. */
const NamePeopleQuerySchema = z.object({
  ids: z
    .string()
    .trim()
    .min(1)
    .max(2_000)
    .transform((text) => [...new Set(text.split(',').map((id) => id.trim()))].filter(Boolean).slice(0, 50)),
});

type NamePeopleQuery = z.output<typeof NamePeopleQuerySchema>;

/** What a picker needs to let a person choose someone by name: never a username, phone or anything to sign in with. */
export interface PersonMatch {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
}

/** `GET /api/auth/people` and `/api/auth/people/named`: the people matched, by id, name and first role. */
export const peopleAnswer = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES) })),
});

/**
 * People of the caller's own patch, found by name, so a form asks "who" instead of an account number: the
 * caller's community (and the street's officers over it), a street officer's street, or, for an admin, the city.
 * Only people who could act on what the form names: verified and not disabled.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth/people')
export class FindPeopleHttpController {
  constructor(@Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @Allow('resident', 'grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({
    summary: 'People of your community or street whose name contains the text (or whose username it is), for a form to pick from',
  })
  @DocumentedAnswer(peopleAnswer, 'At most 10, by name.')
  async execute(
    @ZodQuery(FindPeopleQuerySchema) query: FindPeopleQuery,
    @CurrentPrincipal() caller: Principal,
  ): Promise<{ items: PersonMatch[] }> {
    const active = await this.dataSource.getRepository(Account).find({
      where: { verification: 'verified', disabledAt: IsNull() },
      order: { displayName: 'ASC' },
    });
    const wanted = query.name.toLowerCase();
    const matches = active.filter(
      (account) =>
        (account.displayName.toLowerCase().includes(wanted) || account.username === wanted) &&
        ofKind(account, query.kind) &&
        withinPatchOf(caller, account),
    );
    return { items: matches.slice(0, MATCHES).map((a) => ({ id: a.id, displayName: a.displayName, role: a.roles[0] ?? 'resident' })) };
  }

  @Get('named')
  @Allow('admin')
  @ApiOperation({ summary: 'The display names of accounts by id (?ids=a,b), for a screen that holds ids to show people by name' })
  @DocumentedAnswer(peopleAnswer, 'The accounts found; a made-up id is left out.')
  async named(@ZodQuery(NamePeopleQuerySchema) query: NamePeopleQuery): Promise<{ items: PersonMatch[] }> {
    const accounts = await this.dataSource.getRepository(Account).find({ where: { id: In(query.ids) } });
    return { items: accounts.map((a) => ({ id: a.id, displayName: a.displayName, role: a.roles[0] ?? 'resident' })) };
  }
}

function ofKind(account: Account, kind: FindPeopleQuery['kind']): boolean {
  if (kind === undefined) return true;
  const resident = account.roles.includes('resident');
  return kind === 'resident' ? resident : !resident;
}

function withinPatchOf(caller: Principal, account: Account): boolean {
  if (hasRole(caller, 'admin')) return true;
  const { communityId, streetId } = caller.scope;
  if (communityId) {
    // The street's own officers sit above every community of it, with no community of their own.
    const streetOfficer = !account.scope.communityId && !!streetId && account.scope.streetId === streetId;
    return account.scope.communityId === communityId || streetOfficer;
  }
  return !!streetId && account.scope.streetId === streetId;
}
