import { errorsOfRule, type Snippet } from './lint-as-workspace-files';

// Proves the module-boundary rule of eslint.config.mjs with deliberate violations. The snippets
// never exist on disk: ESLint lints them as if they were the named files, so the rule sees them as
// code of the project that owns that path (tags in its project.json).

const boundaryRule = '@nx/enforce-module-boundaries';

const snippets = {
  domainImportsTesting: {
    filePath: 'libs/eventsourcing/src/uses-test-helpers.ts',
    code: "export { InMemoryEventStore } from '@gongzhi/testing';\n",
  },
  domainSpecImportsTesting: {
    filePath: 'libs/eventsourcing/src/uses-test-helpers.spec.ts',
    code: "export { InMemoryEventStore } from '@gongzhi/testing';\n",
  },
  testingImportsDomain: {
    filePath: 'libs/testing/src/uses-domain.ts',
    code: "export { DomainError } from '@gongzhi/eventsourcing';\n",
  },
  serviceImportsOtherService: {
    filePath: 'tools/lint/fixtures/grid-events/src/awards-points.ts',
    code: "export { pointsFixture } from '@gongzhi/lint-fixture-points';\n",
  },
  serviceImportsShared: {
    filePath: 'tools/lint/fixtures/grid-events/src/uses-shared.ts',
    code: "export { DomainError } from '@gongzhi/eventsourcing';\n",
  },
} satisfies Record<string, Snippet>;

describe('module boundaries', () => {
  let boundaryErrors: Record<keyof typeof snippets, string[]>;

  beforeAll(async () => {
    boundaryErrors = await errorsOfRule(boundaryRule, snippets);
  }, 60_000);

  describe('type axis', () => {
    it('rejects production domain code importing the test helpers', () => {
      expect(boundaryErrors.domainImportsTesting).toEqual([
        'A project tagged with "type:domain" can only depend on libs tagged with "type:domain", "type:contracts"',
      ]);
    });

    it('lets a spec of the same library import the test helpers', () => {
      expect(boundaryErrors.domainSpecImportsTesting).toEqual([]);
    });

    it('lets the test helpers import the domain', () => {
      expect(boundaryErrors.testingImportsDomain).toEqual([]);
    });
  });

  describe('scope axis', () => {
    it("rejects a service importing another service's code", () => {
      expect(boundaryErrors.serviceImportsOtherService).toEqual([
        'A project tagged with "scope:grid-events" can only depend on libs tagged with "scope:grid-events", "scope:shared"',
      ]);
    });

    it('lets a service import shared libraries', () => {
      expect(boundaryErrors.serviceImportsShared).toEqual([]);
    });
  });
});
