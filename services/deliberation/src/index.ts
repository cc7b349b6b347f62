import type { ServiceDefinition } from '@gongzhi/runtime';
import { ConsentCode } from './assisted/consent-code.entity';
import { StaffPhoto } from './assisted/staff-photo.entity';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box/ballot-box.entities';
import { deliberationSettingsSchema, type DeliberationSettings } from './ballot-box/ballot-secret';
import { DeliberationModule } from './deliberation.module';
import { RECOMMENDATION_ENTITIES } from './recommendations/recommendation-views.entity';
import { MIGRATIONS } from './migrations';
import { CommentView } from './queries/comments/comment-view.entity';
import { PRIVILEGE_ENTITIES } from './privileges/privileges-views.entity';
import { INTEREST_GROUP_ENTITIES } from './interest-groups/interest-group-views.entity';

/** The resident council (议事厅): topics, secret ballots, micro-budgets, moderation, assisted participation, council meetings and recommendations (精准推送). */
export const deliberationService: ServiceDefinition<DeliberationSettings> = {
  name: 'deliberation',
  entities: [
    SecretBallot,
    BallotBoxSeal,
    ServiceSecret,
    ConsentCode,
    StaffPhoto,
    ...RECOMMENDATION_ENTITIES,
    CommentView,
    ...PRIVILEGE_ENTITIES,
    ...INTEREST_GROUP_ENTITIES,
  ],
  migrations: MIGRATIONS,
  // Distributed mode has no data folder to keep a generated ballot secret in: GONGZHI_BALLOT_SECRET is required there.
  settings: deliberationSettingsSchema,
  module: (infrastructure, settings) => DeliberationModule.forInfrastructure(infrastructure, settings),
};

export { VOTING_SCHEDULER } from './deliberation.tokens';
/** A resident's privileges as the OpenAPI document describes them, for specs across services that hold the route to it. */
export { myPrivilegesResponse, volunteerPoolResponse } from './queries/privileges/privileges.http.controller';
export { volunteerTeamsAnswer } from './queries/volunteer-teams/volunteer-teams.http.controller';
