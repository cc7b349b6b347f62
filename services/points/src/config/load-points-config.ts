import { readFileSync } from 'node:fs';
import { loadConfig, textVariable, type Environment } from '@gongzhi/platform';
import { z } from 'zod';
import { configProblemsAgainstCatalogue } from './check-against-catalogue';
import { pointsConfigSchema, type PointsConfig } from './points-config.schema';
import defaults from './default-points-config.json';

export interface PointsSettings {
  readonly config: PointsConfig;
  /** Signs voucher codes, so a code can be checked without being published in an event. */
  readonly voucherSecret: string;
}

const DEMO_VOUCHER_SECRET = 'gongzhi-demo-voucher-secret-change-me';
const MIN_VOUCHER_SECRET_LENGTH = 16;

export interface PointsCatalogue {
  /** The codes of the service catalogue's categories (grid-events owns it), which badges name by prefix. */
  readonly categoryCodes: readonly string[];
}

/** Where the catalogue comes from: the host passes grid-events' (read from the same environment). */
export type PointsCatalogueSource = (env: Environment) => PointsCatalogue;

type Variables = {
  GONGZHI_POINTS_CONFIG?: string;
  GONGZHI_POINTS_VOUCHER_SECRET?: string;
  GONGZHI_POINTS_CATEGORY_CODES?: string;
  NODE_ENV?: string;
};

/**
 * GONGZHI_POINTS_CONFIG (a JSON file of rules, levels, badges, honours and the burst limit; the built-in
 * defaults when unset) and GONGZHI_POINTS_VOUCHER_SECRET (required when NODE_ENV=production). With a
 * catalogue (the host passes grid-events'; a standalone points service reads GONGZHI_POINTS_CATEGORY_CODES,
 * comma separated), a rule or badge that can never match is named at start too.
 */
export function pointsSettingsSchema(catalogue?: PointsCatalogueSource) {
  return z
    .object({
      GONGZHI_POINTS_CONFIG: textVariable('expected a JSON file').optional(),
      GONGZHI_POINTS_VOUCHER_SECRET: textVariable(`expected at least ${MIN_VOUCHER_SECRET_LENGTH} characters`)
        .refine((secret) => secret.length >= MIN_VOUCHER_SECRET_LENGTH, { error: `expected at least ${MIN_VOUCHER_SECRET_LENGTH} characters` })
        .optional(),
      GONGZHI_POINTS_CATEGORY_CODES: textVariable('expected comma-separated category codes').optional(),
      NODE_ENV: z.string().optional(),
    })
    .superRefine(
      (env, ctx) => {
        const config = configOf(env);
        if (typeof config === 'string') ctx.addIssue({ code: 'custom', path: ['GONGZHI_POINTS_CONFIG'], message: config });
        const codes = typeof config === 'string' ? null : catalogueOf(env, catalogue)?.categoryCodes;
        const unmatchable = codes && typeof config !== 'string' ? configProblemsAgainstCatalogue(config, codes) : [];
        if (unmatchable.length > 0) {
          ctx.addIssue({ code: 'custom', path: ['GONGZHI_POINTS_CONFIG'], message: `${sourceOf(env)} names what can never match: ${unmatchable.join('; ')}` });
        }
        if (env.GONGZHI_POINTS_VOUCHER_SECRET === undefined && env.NODE_ENV === 'production') {
          ctx.addIssue({ code: 'custom', path: ['GONGZHI_POINTS_VOUCHER_SECRET'], message: `not set; required when NODE_ENV=production: at least ${MIN_VOUCHER_SECRET_LENGTH} characters` });
        }
      },
      // Checked even when another variable is bad, so one start names both.
      { when: () => true },
    )
    .transform((env): PointsSettings => ({ config: configOf(env) as PointsConfig, voucherSecret: env.GONGZHI_POINTS_VOUCHER_SECRET ?? DEMO_VOUCHER_SECRET }));
}

/** The settings from `env` alone (specs, tools): `loadConfig(pointsSettingsSchema(…), env)`. */
export function loadPointsSettings(env: Environment, catalogue?: PointsCatalogue): PointsSettings {
  return loadConfig(pointsSettingsSchema(catalogue && (() => catalogue)), env);
}

// A set variable's value follows the message (`…, got "/etc/points.json"`), so the file is not named twice.
const sourceOf = (env: Variables) => (env.GONGZHI_POINTS_CONFIG ? 'the file' : 'the default points configuration');

/** The configuration, or why it cannot be used. */
function configOf(env: Variables): PointsConfig | string {
  let raw: unknown = defaults;
  if (env.GONGZHI_POINTS_CONFIG) {
    try {
      raw = JSON.parse(readFileSync(env.GONGZHI_POINTS_CONFIG, 'utf8'));
    } catch (error) {
      return `cannot be read as JSON: ${(error as Error).message}`;
    }
  }
  const parsed = pointsConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return `${sourceOf(env)} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`;
}

function catalogueOf(env: Variables, source: PointsCatalogueSource | undefined): PointsCatalogue | null {
  if (source) {
    try {
      return source(env);
    } catch {
      // The catalogue's own variables are at fault; their service names them.
      return null;
    }
  }
  const codes = env.GONGZHI_POINTS_CATEGORY_CODES;
  if (!codes) return null;
  return { categoryCodes: codes.split(',').map((code) => code.trim()).filter(Boolean) };
}
