/**
 * Which HTTP status answers a DomainError code. A key is a code (`CASE.ALREADY_CLOSED`), a suffix
 * pattern (`*.NOT_FOUND`) or a prefix pattern (`OPEN311.*`).
 */
export type ErrorStatusRules = Readonly<Record<string, number>>;

/** What the platform knows; services add their own (`{ 'CASE.DUPLICATE_REPORT': 409 }`). */
export const DEFAULT_ERROR_STATUSES: ErrorStatusRules = {
  'COMMAND.CONCURRENCY_CONFLICT': 409,
  'EVENTSTORE.WRONG_EXPECTED_VERSION': 409,
  'EVENTSTORE.INVALID_EVENT': 400,
  // Event ids are made by the server, so a half-repeated append is a bug, not the caller's fault.
  'EVENTSTORE.PARTIAL_DUPLICATE': 500,
  'VALIDATION.FAILED': 400,
  '*.NOT_FOUND': 404,
  '*.FORBIDDEN': 403,
  // A community the city's organisation tree does not know (`assertKnownCommunity`): the request names no place.
  '*.UNKNOWN_COMMUNITY': 400,
};

/** A DomainError no rule names: a rule of the domain said no to a well-formed request. */
export const DEFAULT_DOMAIN_ERROR_STATUS = 422;

const CODE = /^[A-Z0-9_]+(\.[A-Z0-9_]+)*$/;

type Pattern = { readonly prefix: string } | { readonly suffix: string };

/**
 * The code → status table of the process. An exact code wins over a pattern; among patterns, rules
 * registered later (a service's) are tried before earlier ones (the platform's defaults).
 *
 * A service may override a platform default, but two registrations that give one rule different
 * statuses are refused: in the all-in-one host every service shares this table, so the second would
 * silently change the first service's answers.
 */
export class ErrorStatuses {
  private readonly exact = new Map<string, number>();
  private patterns: { readonly pattern: Pattern; readonly status: number }[] = [];
  /** Rules registered beyond the platform's defaults, by key, to catch two services disagreeing. */
  private readonly registered = new Map<string, number>();

  constructor(...rules: readonly ErrorStatusRules[]) {
    this.add(DEFAULT_ERROR_STATUSES);
    for (const more of rules) this.register(more);
  }

  register(rules: ErrorStatusRules): void {
    for (const [key, status] of Object.entries(rules)) {
      const earlier = this.registered.get(key);
      if (earlier !== undefined && earlier !== status) {
        throw new Error(`Error status rule "${key}" is registered twice, as ${earlier} and as ${status}`);
      }
    }
    this.add(rules);
    for (const [key, status] of Object.entries(rules)) this.registered.set(key, status);
  }

  statusOf(code: string): number {
    const exact = this.exact.get(code);
    if (exact !== undefined) return exact;
    const rule = this.patterns.find(({ pattern }) =>
      'prefix' in pattern ? code.startsWith(pattern.prefix) : code.endsWith(pattern.suffix),
    );
    return rule?.status ?? DEFAULT_DOMAIN_ERROR_STATUS;
  }

  private add(rules: ErrorStatusRules): void {
    const patterns: typeof this.patterns = [];
    for (const [key, status] of Object.entries(rules)) {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new Error(`Error status for ${key} must be an HTTP error status (400–599), got ${status}`);
      }
      if (key.startsWith('*.') && CODE.test(key.slice(2))) patterns.push({ pattern: { suffix: key.slice(1) }, status });
      else if (key.endsWith('.*') && CODE.test(key.slice(0, -2))) patterns.push({ pattern: { prefix: key.slice(0, -1) }, status });
      else if (CODE.test(key)) this.exact.set(key, status);
      else throw new Error(`Error status rule "${key}" must be a code (CASE.ALREADY_CLOSED), *.SUFFIX or PREFIX.*`);
    }
    this.patterns = [...patterns, ...this.patterns];
  }
}
