import { All, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { answerOf, platformTestApps } from './platform-test-apps';
import { indexRoutes, literalPrefixOf } from './route-index';

// Routes shaped like the host's: literal prefixes of one and two segments, parameters at every depth, a route
// that starts with a parameter, routes that share a path with different methods, and a catch-all after them all.
@Controller('api/cases')
class CasesController {
  @Get()
  list() {
    return { route: 'cases list' };
  }
  @Post()
  report() {
    return { route: 'cases report' };
  }
  @Get('duplicates')
  duplicates() {
    return { route: 'cases duplicates' };
  }
  @Get(':caseId')
  one(@Param('caseId') caseId: string) {
    return { route: 'case', caseId };
  }
  @Post(':caseId/close')
  close(@Param('caseId') caseId: string) {
    return { route: 'case close', caseId };
  }
}

@Controller()
class EverywhereController {
  @Get('health')
  health() {
    return { route: 'health' };
  }
  @Get('api/dashboards/overview')
  overview() {
    return { route: 'overview' };
  }
  @Put('api/points/rules/:ruleId')
  rule(@Param('ruleId') ruleId: string) {
    return { route: 'rule', ruleId };
  }
  @Get('api/points/rules/changes')
  changes() {
    return { route: 'rule changes' };
  }
  @Get('api/:service/about')
  about(@Param('service') service: string) {
    return { route: 'about', service };
  }
  @Get(':anything/version')
  version(@Param('anything') anything: string) {
    return { route: 'version', anything };
  }
  @Get('open311/v2/:file')
  open311(@Param('file') file: string) {
    return { route: 'open311', file };
  }
  @Delete('api/cases/:caseId')
  remove(@Param('caseId') caseId: string) {
    return { route: 'case delete', caseId };
  }
  @All('api/echo/*rest')
  echo() {
    return { route: 'echo' };
  }
}

const REQUESTS: [method: string, path: string][] = [
  ['GET', '/api/cases'],
  ['GET', '/api/cases/'],
  ['GET', '/API/Cases'],
  ['POST', '/api/cases'],
  ['GET', '/api/cases/duplicates'],
  ['GET', '/api/cases/c-1'],
  ['GET', '/api/cases/c%201'],
  ['DELETE', '/api/cases/c-1'],
  ['PATCH', '/api/cases/c-1'],
  ['POST', '/api/cases/c-1/close'],
  ['GET', '/api/cases/c-1/close'],
  ['HEAD', '/api/cases/c-1'],
  ['OPTIONS', '/api/cases'],
  ['OPTIONS', '/api/echo/x'],
  ['GET', '/health'],
  ['GET', '/health/'],
  ['POST', '/health'],
  ['GET', '/api/dashboards/overview'],
  ['GET', '/api/dashboards/cases'],
  ['GET', '/api/points/rules/changes'],
  ['PUT', '/api/points/rules/changes'],
  ['PUT', '/api/points/rules/r-7'],
  ['GET', '/api/points/about'],
  ['GET', '/api/nothing-here/about'],
  ['GET', '/api/cases/about'],
  ['GET', '/anything/version'],
  ['GET', '/api/version'],
  ['GET', '/open311/v2/requests.json'],
  ['GET', '/open311/v3/requests.json'],
  ['POST', '/api/echo/a/b/c'],
  ['GET', '/api/echo'],
  ['GET', '/'],
  ['GET', '/nowhere'],
  ['GET', '/api'],
  ['GET', '/api/%63ases'],
];

describe('routes looked up by their leading segments', () => {
  const apps = platformTestApps('route-index');
  afterAll(() => apps.close());

  const start = (indexed: boolean) => apps.start([CasesController, EverywhereController], { afterInit: indexed ? indexRoutes : undefined });
  const answer = (base: string, method: string, path: string) => answerOf(base, method, path, ['allow']);

  it('answer every request as the routes tried one by one do: the same route, status, Allow header and body', async () => {
    const [plain, indexed] = await Promise.all([start(false), start(true)]);
    for (const [method, path] of REQUESTS) {
      const expected = await answer(plain, method, path);
      expect({ method, path, ...(await answer(indexed, method, path)) }).toEqual({ method, path, ...expected });
    }
    // The comparison means something: the requests reach routes, parameters, 404s and 405s alike.
    const statuses = new Set<number>();
    for (const [method, path] of REQUESTS) statuses.add((await answer(indexed, method, path)).status);
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 404, 405]));
    expect(await (await fetch(`${indexed}/api/cases/c-9/close`, { method: 'POST' })).json()).toEqual({
      route: 'case close',
      caseId: 'c-9',
    });
  });

  it('file a route under its literal leading segments only', () => {
    expect(literalPrefixOf('/api/cases/:caseId')).toEqual(['api', 'cases']);
    expect(literalPrefixOf('/API/Cases')).toEqual(['api', 'cases']);
    expect(literalPrefixOf('/api/:service/about')).toEqual(['api']);
    expect(literalPrefixOf('/:anything/version')).toEqual([]);
    expect(literalPrefixOf('/{*path}')).toEqual([]);
    expect(literalPrefixOf('/health')).toEqual(['health']);
    expect(literalPrefixOf('/')).toEqual(['']);
    expect(literalPrefixOf(/^\/regex/)).toEqual([]);
  });
});
