import defaults from './default-points-config.json';
import { pointsConfigSchema } from './points-config.schema';

const withLevels = (levels: unknown[]) => pointsConfigSchema.safeParse({ ...defaults, levels });
const problems = (levels: unknown[]) => {
  const parsed = withLevels(levels);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('level privileges in the points rules', () => {
  it('lists what each default level unlocks, for the rules page to show', () => {
    const { levels } = pointsConfigSchema.parse(defaults);
    expect(levels.map((level) => [level.name, level.privileges])).toEqual([
      ['居民', []],
      ['热心居民', ['early-sign-up']],
      ['社区达人', ['propose-without-co-signer', 'lead-volunteer-team']],
      ['治理专家', ['moderate-meeting']],
    ]);
  });

  it('refuses a privilege nobody checks, naming the field', () => {
    expect(
      problems([
        { name: '居民', minLifetimePoints: 0 },
        { name: '达人', minLifetimePoints: 10, privileges: ['skip-the-queue'] },
      ]),
    ).toEqual([expect.stringMatching(/^levels\.1\.privileges\.0: /)]);
  });

  it("refuses a privilege on the first level, which is everyone's and announced by no event", () => {
    expect(problems([{ name: '居民', minLifetimePoints: 0, privileges: ['moderate-meeting'] }])).toEqual([
      "levels.0.privileges.0: the first level is everyone's and cannot unlock moderate-meeting",
    ]);
  });

  it('refuses a privilege unlocked twice', () => {
    expect(
      problems([
        { name: '居民', minLifetimePoints: 0 },
        { name: '热心', minLifetimePoints: 10, privileges: ['early-sign-up'] },
        { name: '达人', minLifetimePoints: 20, privileges: ['moderate-meeting', 'early-sign-up'] },
      ]),
    ).toEqual(['levels.2.privileges.1: early-sign-up is already unlocked at level 1']);
  });

  it('keeps a configuration without privileges valid (levels unlock nothing)', () => {
    expect(
      problems([
        { name: '居民', minLifetimePoints: 0 },
        { name: '达人', minLifetimePoints: 10 },
      ]),
    ).toEqual([]);
  });
});
