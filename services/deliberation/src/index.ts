import type { ServiceDefinition } from '@gongzhi/runtime';
import { ConsentCode } from './assisted/consent-code.entity';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box/ballot-box.entities';
import { DeliberationModule } from './deliberation.module';

/** The resident council (议事厅): topics, secret ballots, micro-budgets, moderation, assisted participation and council meetings. */
export const deliberationService: ServiceDefinition = {
  name: 'deliberation',
  entities: [SecretBallot, BallotBoxSeal, ServiceSecret, ConsentCode],
  module: (infrastructure) => DeliberationModule.forInfrastructure(infrastructure),
};

export { VOTING_SCHEDULER } from './commands/deliberation-tokens';
