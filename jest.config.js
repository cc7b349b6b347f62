// Test tiers by file suffix (see ../shared/STYLE.md): *.spec.ts is pure and fast; *.int.spec.ts and
// *.e2e.spec.ts run against the real PostgreSQL and Kafka that tools/jest/global-setup.ts starts.
const { compilerOptions } = require('./tsconfig.base.json');

const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const esmOnly = ['jose', '@nestjs'].join('|');
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { ...swc, swcrc: false }],
    // jose and NestJS 12 ship ES modules only; compile them to CommonJS like our own code (Node itself can
    // require them, jest's module registry cannot before Node 24.9).
    [`/node_modules/(${esmOnly})/.+\\.js$`]: ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } }, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools', '<rootDir>/examples'],
};
const slowTiers = ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'];
// The EventStoreDB contract run needs a server this machine cannot start; global-setup says so.
const esdbSuite = 'eventstore-esdb/src/.*\\.int\\.spec\\.ts$';

module.exports = {
  testTimeout: 120_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...slowTiers],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['**/*.int.spec.ts', '**/*.e2e.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...(process.env.EVENTSTORE_URL ? [] : [esdbSuite])],
      globalSetup: '<rootDir>/tools/jest/global-setup.ts',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
    },
  ],
};
