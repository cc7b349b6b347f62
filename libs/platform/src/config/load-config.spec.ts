import { z } from 'zod';
import { ConfigurationError } from './configuration-error';
import { loadConfig, loadConfigs } from './load-config';
import { integerVariable, portVariable, textVariable, urlVariable } from './variables';

const schema = z.object({
  GONGZHI_PORT: portVariable().default(3000),
  GONGZHI_BATCH_SIZE: integerVariable({ min: 1, max: 5000 }),
  GONGZHI_SIGNING_SECRET: textVariable('expected the signing secret').optional(),
  GONGZHI_MEDIA_URL: urlVariable({ protocols: ['http:', 'https:'], example: 'https://media.example' }).optional(),
});

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('returns the typed configuration, with defaults for unset variables', () => {
    expect(loadConfig(schema, { GONGZHI_BATCH_SIZE: '200', UNRELATED: 'x' })).toEqual({ GONGZHI_PORT: 3000, GONGZHI_BATCH_SIZE: 200 });
  });

  it('names the variable, what it expects and what it got', () => {
    const error = (() => {
      try {
        loadConfig(schema, { GONGZHI_PORT: 'abc', GONGZHI_BATCH_SIZE: '10' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigurationError');
    })();

    expect(error.message).toBe('Invalid configuration:\n  GONGZHI_PORT: expected an integer between 1 and 65535, got "abc"');
  });

  it('lists every bad variable at once, and says which are not set', () => {
    expect(problemsOf(() => loadConfig(schema, { GONGZHI_PORT: '70000', GONGZHI_MEDIA_URL: 'ftp://files' }))).toEqual([
      'GONGZHI_PORT: expected an integer between 1 and 65535, got "70000"',
      'GONGZHI_BATCH_SIZE: not set; expected an integer between 1 and 5000',
      'GONGZHI_MEDIA_URL: expected a URL starting with http:// or https://, such as https://media.example, got "ftp://files"',
    ]);
  });

  it('takes an empty value for an unset one', () => {
    expect(loadConfig(schema, { GONGZHI_PORT: '', GONGZHI_BATCH_SIZE: '1' }).GONGZHI_PORT).toBe(3000);
  });

  it('does not print secrets: neither a secret variable nor the password of a URL', () => {
    const strict = z.object({
      GONGZHI_SIGNING_SECRET: integerVariable({ min: 1, max: 2 }),
      GONGZHI_PG_URL: urlVariable({ protocols: ['postgresql:'], example: 'postgresql://host/db' }),
    });

    const problems = problemsOf(() =>
      loadConfig(strict, { GONGZHI_SIGNING_SECRET: 'hunter2-hunter2', GONGZHI_PG_URL: 'postgres://app:hunter2@db/x' }),
    );

    expect(problems).toEqual([
      'GONGZHI_SIGNING_SECRET: expected an integer between 1 and 2, got a value of 15 characters',
      'GONGZHI_PG_URL: expected a URL starting with postgresql://, such as postgresql://host/db, got "postgres://app:***@db/x"',
    ]);
  });
});

describe('loadConfigs', () => {
  it('checks several schemas together and names the bad variables of all of them', () => {
    const other = z.object({ POINTS_DAILY_CAP: integerVariable({ min: 0, max: 1000 }) });

    expect(problemsOf(() => loadConfigs({ base: schema, points: other }, { GONGZHI_PORT: '0' }))).toEqual([
      'GONGZHI_PORT: expected an integer between 1 and 65535, got "0"',
      'GONGZHI_BATCH_SIZE: not set; expected an integer between 1 and 5000',
      'POINTS_DAILY_CAP: not set; expected an integer between 0 and 1000',
    ]);
    expect(loadConfigs({ base: schema, points: other }, { GONGZHI_BATCH_SIZE: '5', POINTS_DAILY_CAP: '50' })).toEqual({
      base: { GONGZHI_PORT: 3000, GONGZHI_BATCH_SIZE: 5 },
      points: { POINTS_DAILY_CAP: 50 },
    });
  });
});
