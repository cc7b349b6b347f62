// Lint for the whole workspace: `npx eslint .` (or `npm run lint`).
// Syntax-only typescript-eslint rules (no type information, so it stays fast) plus Nx's
// module-boundary rule, which is what keeps services from importing each other (see DESIGN.md).
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import { noWallClock } from './tools/lint/rules/no-wall-clock.mjs';

// The boundary rule reads Nx's *cached* project graph and silently skips itself when there is none
// (fresh clone, `eslint` run without `nx`). Computing it here keeps the rule honest in every run;
// with the daemon off (nx.json) this happens in process and takes well under a second.
await createProjectGraphAsync({ exitOnError: false });

const serviceScopes = ['grid-events', 'department-dispatch', 'deliberation', 'points', 'dashboards', 'co-building', 'webhooks', 'web'];

// Two independent axes; a project carries one tag of each and must satisfy both.
//
// scope: who owns the code. Services never import each other; they meet only in scope:shared
// (contracts, event sourcing, messaging …). The all-in-one host wires every service together.
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...serviceScopes.map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
  { sourceTag: 'scope:host', onlyDependOnLibsWithTags: ['/^scope:/'] },
];

// type: what layer the code is. Dependencies point inwards, towards pure domain and contracts:
//   contracts  integration events and their schemas        → contracts
//   domain     deciders, event-sourcing core (pure)        → domain, contracts
//   infra      adapters: event stores, Kafka, TypeORM      → infra, domain, contracts
//   service    a service's Nest module (host-importable)   → infra, domain, contracts
//   ui         web components                              → ui, contracts
//   app        a deployable process (one service, or web)  → service, ui, infra, domain, contracts
//   host       the all-in-one process of `npm start`       → service, infra, domain, contracts
//   testing    test helpers (in-memory store, containers)  → testing, infra, domain, contracts
// Production code never imports type:testing; specs may (see the spec block below).
const typeConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:contracts'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:service', 'type:ui', 'type:infra', 'type:domain', 'type:contracts'],
  },
  {
    sourceTag: 'type:host',
    onlyDependOnLibsWithTags: ['type:service', 'type:infra', 'type:domain', 'type:contracts'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:infra', 'type:domain', 'type:contracts'],
  },
];

const withTestingAllowed = (constraint) =>
  constraint.sourceTag.startsWith('type:') && !constraint.onlyDependOnLibsWithTags.includes('type:testing')
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint;

const boundaryOptions = (depConstraints) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  // The test helpers build on the libs they help to test, and those libs' specs import the helpers,
  // so the file-level graph has a cycle through type:testing. It is harmless: production code
  // cannot import type:testing at all (the type constraints above still apply).
  ignoredCircularDependencies: [['tag:type:testing', '*']],
  depConstraints,
});

const specFiles = ['**/*.spec.ts', '**/*.spec.tsx'];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/tmp/',
    '**/.nx/',
    '**/coverage/',
    '**/test-artifacts/',
    '**/.data/',
    '.cache/',
    'deploy/kafka/lib/',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaryOptions([...scopeConstraints, ...typeConstraints])],
    },
  },
  {
    // A service's test support (one folder, src/testing, as the layout check holds) serves only its specs.
    files: ['services/*/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryOptions([...scopeConstraints, ...typeConstraints.map(withTestingAllowed)])],
    },
  },
  {
    files: specFiles,
    plugins: { gongzhi: { rules: { 'no-wall-clock': noWallClock } } },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryOptions([...scopeConstraints, ...typeConstraints.map(withTestingAllowed)])],
      // Proven by tools/lint/wall-clock.spec.ts.
      'gongzhi/no-wall-clock': 'error',
    },
  },
  {
    // Deciders stay pure (decide, evolve, initialState; time, ids and lookups injected): a domain folder imports no
    // framework, database or broker. Proven by tools/lint/domain-purity.spec.ts.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*', 'kafkajs', 'kafkajs/*'],
              message:
                'Domain code is pure: take what it needs as data or an injected function, and keep frameworks in commands/, policies/ and read-models/.',
            },
          ],
        },
      ],
    },
  },
  {
    // `key in record` is true for `constructor`, `toString`, `__proto__` …: a key that came from outside would pass
    // as a known one. Own keys only: Object.hasOwn, ownValue from @gongzhi/contracts, or a Map.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='in'][left.type!='Literal']",
          message: 'A computed key with `in` also finds inherited names (constructor, __proto__ …): use Object.hasOwn, ownValue or a Map.',
        },
      ],
    },
  },
);
