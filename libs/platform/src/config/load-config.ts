import type { z } from 'zod';
import { ConfigurationError } from './configuration-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment with a schema keyed by variable name and returns the typed configuration,
 * or throws a `ConfigurationError` naming every bad or missing variable:
 * `GONGZHI_PORT: expected an integer between 1 and 65535, got "abc"`.
 *
 * An empty value counts as unset, so `GONGZHI_PG_URL=` in an env file falls back to the default.
 */
export function loadConfig<Schema extends z.ZodType>(schema: Schema, env: Environment = process.env): z.output<Schema> {
  const input = withoutEmptyValues(env);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(problemsOf(parsed.error, input));
}

/**
 * Several schemas over the same environment (the platform's and a service's own), checked together
 * so one start-up names every variable at fault.
 */
export function loadConfigs<Schemas extends Readonly<Record<string, z.ZodType>>>(
  schemas: Schemas,
  env: Environment = process.env,
): { [Key in keyof Schemas]: z.output<Schemas[Key]> } {
  const input = withoutEmptyValues(env);
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(schemas)) {
    const parsed = schema.safeParse(input);
    if (parsed.success) result[key] = parsed.data;
    else problems.push(...problemsOf(parsed.error, input));
  }
  if (problems.length > 0) throw new ConfigurationError([...new Set(problems)]);
  return result as { [Key in keyof Schemas]: z.output<Schemas[Key]> };
}

function withoutEmptyValues(env: Environment): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') input[name] = value;
  return input;
}

/** One line per variable at fault (its first problem), in the order the schema found them. */
function problemsOf(error: z.ZodError, input: Readonly<Record<string, string>>): string[] {
  const byVariable = new Map<string, string>();
  for (const issue of error.issues) {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(environment)';
    if (byVariable.has(variable)) continue;
    const raw = input[variable];
    byVariable.set(variable, raw === undefined ? issue.message : `${issue.message}, got ${describeValue(variable, raw)}`);
  }
  return [...byVariable].map(([variable, message]) => `${variable}: ${message}`);
}

const SECRET_NAME = /(^|_)(SECRET|PASSWORD|PASSWD|TOKEN|KEY)(_|$)/i;
const MAX_SHOWN = 120;

/** The value as the operator typed it, without the secrets a start-up log must not keep. */
function describeValue(variable: string, raw: string): string {
  if (SECRET_NAME.test(variable)) return `a value of ${raw.length} characters`;
  let shown = raw;
  if (URL.canParse(raw)) {
    const url = new URL(raw);
    if (url.password) {
      url.password = '***';
      shown = url.toString();
    }
  }
  if (shown.length > MAX_SHOWN) shown = `${shown.slice(0, MAX_SHOWN)}…`;
  return JSON.stringify(shown);
}
