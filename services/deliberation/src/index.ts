import type { ServiceDefinition } from '@gongzhi/runtime';
import { ConsentCode } from './assisted/consent-code.entity';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box/ballot-box.entities';
import { DeliberationModule } from './deliberation.module';
import { RECOMMENDATION_ENTITIES } from './recommendations/recommendation-views.entity';
import { MIGRATIONS } from './migrations';
import { CommentView } from './queries/comments/comment-view.entity';

/** The resident council (议事厅): topics, secret ballots, micro-budgets, moderation, assisted participation, council meetings and recommendations (精准推送). */
export const deliberationService: ServiceDefinition = {
  name: 'deliberation',
  entities: [SecretBallot, BallotBoxSeal, ServiceSecret, ConsentCode, ...RECOMMENDATION_ENTITIES, CommentView],
  migrations: MIGRATIONS,
  module: (infrastructure) => DeliberationModule.forInfrastructure(infrastructure),
};

export { VOTING_SCHEDULER } from './commands/deliberation-tokens';
