import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import type { RulePhase } from '../../domain/rules/rule-phases';
import { AnnounceRulePhase } from './announce-rule-phase.command';

/** Records the announcement; the answer is the phase as residents will read it. */
@CommandHandler(AnnounceRulePhase)
export class AnnounceRulePhaseHandler implements ICommandHandler<AnnounceRulePhase, RulePhase | undefined> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, ruleId, phase } }: AnnounceRulePhase): Promise<RulePhase | undefined> {
    const phaseId = this.streams.newId();
    await this.streams.rules(
      {
        type: 'AnnounceRulePhase',
        data: {
          phaseId,
          ruleId,
          effectiveFromDay: phase.from,
          reward: phase.reward,
          points: phase.points ?? 0,
          honourName: phase.honourName ?? null,
          note: phase.note ?? null,
          announcedBy: principal.subject,
        },
      },
      commandMetadataFor(principal, this.streams.now()),
    );
    return (await this.streams.rulesState()).phases.find((p) => p.phaseId === phaseId);
  }
}
