import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@gongzhi/platform';
import { loadProcessConfiguration } from '@gongzhi/runtime';
import { SERVICES } from './services';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadProcessConfiguration(SERVICES, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

// An operator who mistypes three variables should learn of all three from one start, not one per restart.
describe("the host's settings, checked together before anything opens", () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every bad variable of every service, and of the platform, in one error', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: '170',
        GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS: 'three days',
        GONGZHI_CITY_TIME_ZONE: 'Mars/Olympus',
        GONGZHI_DEPARTMENTS_FILE: join(dir, 'no-such-departments.json'),
        GONGZHI_POINTS_VOUCHER_SECRET: 'short',
      }),
    ).toEqual([
      'PORT: expected an integer between 1 and 65535, got "eighty"',
      'GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS: expected a positive number, got "three days"',
      'GONGZHI_CITY_TIME_ZONE: expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"',
      expect.stringMatching(/^GONGZHI_DEPARTMENTS_FILE: .*no-such-departments\.json cannot be read as JSON: ENOENT/),
      // A secret's value is never printed, only its length.
      'GONGZHI_POINTS_VOUCHER_SECRET: expected at least 16 characters, got a value of 5 characters',
      'GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: expected an integer between 0 and 100, got "170"',
    ]);
  });

  it('requires the ballot secret in distributed mode, named with the variables the platform needs there', () => {
    expect(problemsOf({ GONGZHI_MODE: 'distributed', GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: '-1' })).toEqual([
      expect.stringMatching(/^GONGZHI_KAFKA_BROKERS: not set; required when GONGZHI_MODE=distributed/),
      expect.stringMatching(/^GONGZHI_PG_URL: not set; required when GONGZHI_MODE=distributed/),
      expect.stringMatching(
        /^GONGZHI_BALLOT_SECRET: not set; required when GONGZHI_MODE=distributed: the ballot secret is kept outside the databases/,
      ),
      'GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: expected an integer between 0 and 100, got "-1"',
    ]);
  });

  it('names a reference data file that cannot be read by its variable, with the bad points file beside it', () => {
    const problems = problemsOf({
      GONGZHI_GRID_EVENTS_CATEGORIES: join(dir, 'missing.csv'),
      GONGZHI_POINTS_CONFIG: join(dir, 'missing-points.json'),
    });

    expect(problems).toEqual([
      expect.stringMatching(/^GONGZHI_GRID_EVENTS_CATEGORIES: reference data: cannot read .*missing\.csv/),
      expect.stringMatching(/^GONGZHI_POINTS_CONFIG: cannot be read as JSON: ENOENT/),
    ]);
  });

  it('gives each service the settings it parsed, the defaults where nothing is set', () => {
    const { platform, services } = loadProcessConfiguration(SERVICES, {
      GONGZHI_DATA_DIR: join(dir, 'data'),
      GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: '55',
    });

    expect(platform.dataDir).toBe(join(dir, 'data'));
    expect(services.get('co-building')).toMatchObject({ teamSharePercent: 55 });
    expect(services.get('grid-events')).toMatchObject({ settings: { autoCloseAfterHours: 72, cityTimeZone: 'Asia/Shanghai' } });
    expect(services.get('deliberation')).toEqual({});
    expect(services.get('dashboards')).toEqual({ leagueTableOfficers: 'hidden' });
    // Checking opens nothing: not even the data folder exists yet.
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
