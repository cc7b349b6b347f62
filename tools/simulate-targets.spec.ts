import { parseTargets } from './simulate-targets';

describe('where the simulator sends a request', () => {
  it('sends everything to the one host of `npm start`', () => {
    const targets = parseTargets('http://localhost:3000/');

    expect(targets.urlFor('/api/points/me')).toBe('http://localhost:3000/api/points/me');
    expect(targets.bases).toEqual(['http://localhost:3000']);
  });

  it('routes by path to the services of docker-compose.yml: logins to the issuer, points to points', () => {
    const targets = parseTargets('compose');

    expect(targets.urlFor('/api/auth/login')).toBe('http://localhost:3007/api/auth/login');
    expect(targets.urlFor('/api/cases/c-1/accept')).toBe('http://localhost:3001/api/cases/c-1/accept');
    expect(targets.urlFor('/api/points/me')).toBe('http://localhost:3004/api/points/me');
    expect(targets.urlFor('/api/deliberation/topics')).toBe('http://localhost:3003/api/deliberation/topics');
    expect(targets.bases).toHaveLength(7);
  });

  it('names the services a hand-written set leaves out, and a pair that is no URL', () => {
    expect(() => parseTargets('identity=http://10.0.0.5:3000,grid-events=http://10.0.0.6:3000')).toThrow(
      '--url: the set needs a URL for department-dispatch, deliberation, points, co-building, dashboards',
    );
    expect(() => parseTargets('identity=localhost:3000')).toThrow(
      '--url: expected service=http(s)://host:port, got "identity=localhost:3000"',
    );
    expect(() => parseTargets('localhost:3000')).toThrow('--url: expected http(s)://host:port, compose, or service=url pairs');
  });
});
