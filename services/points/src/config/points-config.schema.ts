import { LEVEL_PRIVILEGES } from '@gongzhi/contracts';
import { z } from 'zod';

const ruleId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case words joined by hyphens');

export const pointRuleSchema = z.object({
  id: ruleId,
  name: z.string().min(1),
  points: z.number().int().nonnegative().describe('Points per unit (per event, or per verified hour).'),
  dailyCap: z.number().int().nonnegative().describe('Points a resident may earn from this rule per day.'),
  enabled: z.boolean().default(true),
  /** An award whose source was confirmed by the resident themself is withheld (anti-farming). */
  forbidSelfConfirmation: z.boolean().default(true),
  /** The rule's validity period in city days (both ends included); participation outside it earns nothing. */
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
});

export const levelSchema = z.object({
  name: z.string().min(1),
  minLifetimePoints: z.number().int().nonnegative(),
  /** What reaching this level unlocks (等级权限); kept at every higher level. */
  privileges: z.array(z.enum(LEVEL_PRIVILEGES)).default([]),
});

export const badgeSchema = z.object({
  id: ruleId,
  name: z.string().min(1),
  /** Earned when the points from this rule (optionally only for these case categories) reach `minPoints`. */
  ruleId,
  categoryPrefixes: z.array(z.string().min(1)).default([]),
  minPoints: z.number().int().positive(),
});

export const honourSchema = z.object({ id: ruleId, name: z.string().min(1), minLifetimePoints: z.number().int().positive() });

export const pointsConfigSchema = z
  .object({
    rules: z.array(pointRuleSchema).min(1),
    levels: z.array(levelSchema).min(1),
    badges: z.array(badgeSchema).default([]),
    honours: z.array(honourSchema).default([]),
    burst: z.object({ maxAwards: z.number().int().positive(), windowMinutes: z.number().int().positive() }),
  })
  .superRefine((config, ctx) => {
    const ids = config.rules.map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `repeats rule ${id}` });
    });
    if (config.levels[0]?.minLifetimePoints !== 0) {
      ctx.addIssue({ code: 'custom', path: ['levels', 0, 'minLifetimePoints'], message: 'the first level starts at 0' });
    }
    config.levels.forEach((level, i) => {
      if (i > 0 && level.minLifetimePoints <= config.levels[i - 1].minLifetimePoints) {
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'minLifetimePoints'], message: 'levels must rise' });
      }
    });
    levelPrivilegeProblems(config.levels).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue }));
    config.rules.forEach((rule, i) => {
      if (rule.validFrom && rule.validUntil && rule.validUntil < rule.validFrom) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'validUntil'], message: 'the validity ends before it begins' });
      }
    });
    config.badges.forEach((badge, i) => {
      if (!ids.includes(badge.ruleId)) ctx.addIssue({ code: 'custom', path: ['badges', i, 'ruleId'], message: `no rule ${badge.ruleId}` });
    });
  });

/**
 * The first level is everyone's and no event announces it, so it unlocks nothing; a privilege is unlocked once,
 * at the lowest level that names it.
 */
function levelPrivilegeProblems(levels: readonly { privileges: readonly string[] }[]): { path: (string | number)[]; message: string }[] {
  const unlockedAt = new Map<string, number>();
  return levels.flatMap((level, i) =>
    level.privileges.flatMap((privilege, j) => {
      const path = ['levels', i, 'privileges', j];
      if (i === 0) return [{ path, message: `the first level is everyone's and cannot unlock ${privilege}` }];
      const earlier = unlockedAt.get(privilege);
      if (earlier !== undefined) return [{ path, message: `${privilege} is already unlocked at level ${earlier}` }];
      unlockedAt.set(privilege, i);
      return [];
    }),
  );
}

export type PointsConfig = z.output<typeof pointsConfigSchema>;
export type PointRule = z.output<typeof pointRuleSchema>;
export type Level = z.output<typeof levelSchema>;
export type Badge = z.output<typeof badgeSchema>;
export type Honour = z.output<typeof honourSchema>;
