import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ownValue } from '@gongzhi/contracts';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import type { LedgerPolicy } from '../../domain/ledger/ledger.context';
import { ChangeRule } from './change-rule.command';

type RuleInForce = LedgerPolicy['rules'][string];

/** Records who changed what; the answer is the rule as it is now in force. */
@CommandHandler(ChangeRule)
export class ChangeRuleHandler implements ICommandHandler<ChangeRule, RuleInForce | undefined> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, ruleId, change } }: ChangeRule): Promise<RuleInForce | undefined> {
    await this.streams.rules(
      { type: 'ChangeRule', data: { ruleId, changedBy: principal.subject, ...change } },
      commandMetadataFor(principal, this.streams.now()),
    );
    return ownValue((await this.streams.policy()).rules, ruleId);
  }
}
