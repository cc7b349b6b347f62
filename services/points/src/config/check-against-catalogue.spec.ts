import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaults from './default-points-config.json';
import { loadPointsSettings } from './load-points-config';

// A few codes in the shape of the service catalogue's (grid-events owns the real list; the all-in-one host's
// demo-data agreement spec checks the defaults against it).
const categoryCodes = [
  'city.road.pothole',
  'environment.garbage.overflow',
  'environment.noise',
  'order.illegal-structure',
  'safety.fire-lane.blocked',
];

function configFile(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'points-config-')), 'points.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('the points configuration, checked against the catalogue at start', () => {
  it('starts with the defaults', () => {
    expect(loadPointsSettings({}, { categoryCodes }).config.badges.map((b) => b.name)).toEqual(
      expect.arrayContaining(['环保卫士', '调解能手']),
    );
  });

  it('stops the start naming a badge whose categories are in no catalogue (the old 环保卫士 and 调解能手)', () => {
    const badges = defaults.badges.map((badge) =>
      badge.id === 'green-guardian'
        ? { ...badge, categoryPrefixes: ['city.environment', 'city.sanitation'] }
        : badge.id === 'good-neighbour'
          ? { ...badge, categoryPrefixes: ['community.dispute'] }
          : badge,
    );
    const file = configFile({ ...defaults, badges });
    expect(() => loadPointsSettings({ GONGZHI_POINTS_CONFIG: file }, { categoryCodes })).toThrow(
      /GONGZHI_POINTS_CONFIG: the file names what can never match: badge green-guardian \(环保卫士\): no category of the catalogue starts with city\.environment, city\.sanitation; badge good-neighbour \(调解能手\): no category of the catalogue starts with community\.dispute/,
    );
  });

  it('stops the start naming a rule that no event awards (a typo in its id)', () => {
    const rules = [...defaults.rules, { id: 'valid-reports', name: '上报 typo', points: 5, dailyCap: 25 }];
    expect(() => loadPointsSettings({ GONGZHI_POINTS_CONFIG: configFile({ ...defaults, rules }) }, { categoryCodes })).toThrow(
      /rule valid-reports \(上报 typo\): no event awards it/,
    );
  });

  it('reads the catalogue of a standalone service from GONGZHI_POINTS_CATEGORY_CODES', () => {
    expect(() => loadPointsSettings({ GONGZHI_POINTS_CATEGORY_CODES: 'city.road.pothole, traffic.parking.illegal' })).toThrow(
      /badge green-guardian \(环保卫士\)/,
    );
    expect(loadPointsSettings({ GONGZHI_POINTS_CATEGORY_CODES: categoryCodes.join(',') }).config.rules).toHaveLength(5);
  });
});
