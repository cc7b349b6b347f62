import { readFileSync } from 'node:fs';
import { configProblemsAgainstCatalogue } from './check-against-catalogue';
import { pointsConfigSchema, type PointsConfig } from './points-config.schema';
import defaults from './default-points-config.json';

export interface PointsSettings {
  readonly config: PointsConfig;
  /** Signs voucher codes, so a code can be checked without being published in an event. */
  readonly voucherSecret: string;
}

const DEMO_VOUCHER_SECRET = 'gongzhi-demo-voucher-secret-change-me';

export interface PointsCatalogue {
  /** The codes of the service catalogue's categories (grid-events owns it), which badges name by prefix. */
  readonly categoryCodes: readonly string[];
}

/**
 * Reads GONGZHI_POINTS_CONFIG (a JSON file of rules, levels, badges, honours and the burst limit; the
 * built-in defaults when unset) and GONGZHI_POINTS_VOUCHER_SECRET (required when NODE_ENV=production).
 * A bad value fails start-up with a message naming the variable and the field. With the catalogue (the
 * host passes grid-events'; a standalone points service reads GONGZHI_POINTS_CATEGORY_CODES, comma
 * separated), a rule or badge that can never match fails start-up too, naming it.
 */
export function loadPointsSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
  catalogue: PointsCatalogue | null = catalogueFromEnv(env),
): PointsSettings {
  const file = env['GONGZHI_POINTS_CONFIG'];
  let raw: unknown = defaults;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`GONGZHI_POINTS_CONFIG: cannot read ${file} as JSON: ${(error as Error).message}`);
    }
  }
  const parsed = pointsConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n');
    throw new Error(`${file ? `GONGZHI_POINTS_CONFIG (${file})` : 'the default points configuration'} is invalid:\n${problems}`);
  }
  const source = file ? `GONGZHI_POINTS_CONFIG (${file})` : 'the default points configuration';
  const unmatchable = catalogue ? configProblemsAgainstCatalogue(parsed.data, catalogue.categoryCodes) : [];
  if (unmatchable.length > 0) {
    throw new Error(`${source} names what can never match:\n${unmatchable.map((problem) => `  ${problem}`).join('\n')}`);
  }
  const secret = env['GONGZHI_POINTS_VOUCHER_SECRET'];
  if (!secret && env['NODE_ENV'] === 'production') {
    throw new Error('GONGZHI_POINTS_VOUCHER_SECRET is required in production (at least 16 characters)');
  }
  if (secret && secret.length < 16) throw new Error('GONGZHI_POINTS_VOUCHER_SECRET must be at least 16 characters');
  return { config: parsed.data, voucherSecret: secret ?? DEMO_VOUCHER_SECRET };
}

function catalogueFromEnv(env: Readonly<Record<string, string | undefined>>): PointsCatalogue | null {
  const codes = env['GONGZHI_POINTS_CATEGORY_CODES'];
  if (!codes) return null;
  return { categoryCodes: codes.split(',').map((code) => code.trim()).filter(Boolean) };
}
