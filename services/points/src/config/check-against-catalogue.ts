import type { PointsConfig } from './points-config.schema';

/** The rules the policies award for: a configured rule with another id would never match an event. */
export const AWARDED_RULE_IDS = [
  'valid-report',
  'deliberation-participation',
  'volunteer-hour',
  'adopted-suggestion',
  'contest-prize',
] as const;

/**
 * What in the configuration can never match: a rule no policy awards for, and a badge whose category
 * prefixes name no category of the service catalogue (grid-events'), so no report could ever earn it.
 * Each problem names the rule or badge at fault, for the start-up error.
 */
export function configProblemsAgainstCatalogue(config: PointsConfig, categoryCodes: readonly string[]): string[] {
  const known: readonly string[] = AWARDED_RULE_IDS;
  const rules = config.rules
    .filter((rule) => !known.includes(rule.id))
    .map((rule) => `rule ${rule.id} (${rule.name}): no event awards it; the rules are ${known.join(', ')}`);
  const badges = config.badges.flatMap((badge) => {
    const dead = badge.categoryPrefixes.filter((prefix) => !categoryCodes.some((code) => code.startsWith(prefix)));
    if (dead.length === 0) return [];
    return [`badge ${badge.id} (${badge.name}): no category of the catalogue starts with ${dead.join(', ')}`];
  });
  return [...rules, ...badges];
}
