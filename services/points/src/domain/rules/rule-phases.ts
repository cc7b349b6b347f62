import type { ContractDomainEvent } from '@gongzhi/contracts';

/** A phase of a rule as announced: from its first day on, the rule rewards with points or an honour mention. */
export type RulePhase = ContractDomainEvent<'PointRulePhaseAnnounced'>['data'];

/**
 * The phase in force for a rule at an instant: the latest announced one that has begun, or none (the rule's
 * own points). Judged at the moment of the participation, so a switch never reaches back.
 */
export function phaseInForce(phases: readonly RulePhase[], ruleId: string, at: Date): RulePhase | null {
  let inForce: RulePhase | null = null;
  for (const phase of phases) {
    if (phase.ruleId !== ruleId || Date.parse(phase.effectiveFrom) > at.getTime()) continue;
    if (!inForce || phase.effectiveFrom >= inForce.effectiveFrom) inForce = phase;
  }
  return inForce;
}

/** Whether a rule's validity period (city days, both ends included) holds on a city day. */
export function validOnDay(rule: { readonly validFrom?: string; readonly validUntil?: string }, day: string): boolean {
  return (rule.validFrom === undefined || rule.validFrom <= day) && (rule.validUntil === undefined || day <= rule.validUntil);
}
