import { ConfigurationError } from './configuration-error';
import { edgeConfigSchema, isDemoDataOn } from './edge-config';
import { loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(edgeConfigSchema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the edge configuration', () => {
  it('has demo data in the embedded default only, unless GONGZHI_DEMO_DATA says otherwise', () => {
    expect(loadConfig(edgeConfigSchema, {}).demoData).toBe(true);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_MODE: 'distributed' }).demoData).toBe(false);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_MODE: 'distributed', GONGZHI_DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(isDemoDataOn({ GONGZHI_DEMO_DATA: 'OFF' })).toBe(false);
  });

  it('reads the limits and where /metrics and /docs answer', () => {
    const edge = loadConfig(edgeConfigSchema, {
      GONGZHI_METRICS: 'internal',
      GONGZHI_DOCS: 'off',
      GONGZHI_INTERNAL_PORT: '9464',
      GONGZHI_RATE_LIMIT_CASE_REPORTS: '5',
      GONGZHI_PASSWORD_HASH_CONCURRENCY: '2',
    });

    expect(edge).toMatchObject({
      metrics: 'internal',
      docs: 'off',
      internalPort: 9464,
      rateLimits: { caseReports: 5, open311Posts: 60 },
      login: { hashConcurrency: 2, hashQueue: 32 },
    });
  });

  it('names every bad variable, and the internal port an internal endpoint needs', () => {
    expect(problemsOf({ GONGZHI_DOCS: 'internal', GONGZHI_RATE_LIMIT_REGISTRATIONS: '0', GONGZHI_DEMO_DATA: 'maybe' })).toEqual([
      'GONGZHI_DEMO_DATA: expected one of true, false, on, off, 1, 0, got "maybe"',
      'GONGZHI_RATE_LIMIT_REGISTRATIONS: expected an integer between 1 and 100000, got "0"',
      'GONGZHI_INTERNAL_PORT: not set; required when GONGZHI_DOCS=internal: expected an integer between 1 and 65535',
    ]);
  });
});
