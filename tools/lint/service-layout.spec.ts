import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkServiceLayout, type LayoutRule, type LayoutViolation } from './service-layout';

// Every service follows the one layout of docs/services.md; service-layout.ts says how each rule is checked.

interface KnownException {
  readonly rule: LayoutRule;
  readonly path: string;
  /** The branch that moves the service onto the layout; the lead empties these lines as each one merges. */
  readonly until: 'layout-dispatch' | 'layout-deliberation' | 'layout-points-cobuilding' | 'split-seams';
}

/**
 * The known strays, in one place. Removed when <branch> merges: each branch of issue 18 named here moves its
 * service onto the layout, and the check then fails until its lines go (a line that no longer matches is reported).
 */
const KNOWN_EXCEPTIONS: readonly KnownException[] = [
  // removed when layout-deliberation merges
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/assisted/assisted.handlers.ts', until: 'layout-deliberation' },
  { rule: 'controller-reaches-storage', path: 'services/deliberation/src/commands/assisted/assisted.http.controller.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/budget/cast-budget-ballot.handler.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/budget/close-budget-voting.handler.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/budget/run-budget-command.handler.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/comment/run-comment-command.handler.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/council/council.handlers.ts', until: 'layout-deliberation' },
  { rule: 'controller-reaches-storage', path: 'services/deliberation/src/commands/council/council.http.controller.ts', until: 'layout-deliberation' },
  { rule: 'controller-reaches-storage', path: 'services/deliberation/src/commands/rotation/rotation.http.controller.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/topic/open-topic-voting.handler.ts', until: 'layout-deliberation' },
  { rule: 'handler-outside-use-case-folder', path: 'services/deliberation/src/commands/topic/run-topic-command.handler.ts', until: 'layout-deliberation' },
];

const workspaceRoot = resolve(__dirname, '../..');
const isKnown = (v: LayoutViolation) => KNOWN_EXCEPTIONS.some((e) => e.rule === v.rule && e.path === v.path);
const summary = (v: LayoutViolation) => `${v.rule}: ${v.path} (${v.detail})`;

describe('every service follows the one layout of docs/services.md', () => {
  const violations = checkServiceLayout(workspaceRoot);

  it('has no stray beyond the known exceptions', () => {
    expect(violations.filter((v) => !isKnown(v)).map(summary)).toEqual([]);
  });

  it('lists no exception that no longer happens (remove its line)', () => {
    const stale = KNOWN_EXCEPTIONS.filter((e) => !violations.some((v) => v.rule === e.rule && v.path === e.path));
    expect(stale.map((e) => `${e.rule}: ${e.path} (until ${e.until})`)).toEqual([]);
  });
});

describe('the layout check, on deliberate strays', () => {
  let root: string;
  const write = (path: string, code = 'export {};\n') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  };
  const found = () => checkServiceLayout(root).map((v) => [v.rule, v.path.replace(/^services\/shop\//, ''), v.detail]);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'service-layout-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a service laid out as docs/services.md says', () => {
    write('services/shop/src/commands/buy-item/buy-item.command.ts');
    write('services/shop/src/commands/buy-item/buy-item.handler.ts', "@CommandHandler(BuyItem)\nexport class BuyItemHandler {}\n");
    write(
      'services/shop/src/commands/buy-item/buy-item.http.controller.ts',
      "import { CommandBus } from '@nestjs/cqrs';\nimport { commandMetadataFor } from '@gongzhi/identity';\nexport class BuyItemHttpController {}\n",
    );
    write('services/shop/src/commands/execute-basket-command.ts', '@CommandHandler(ExecuteBasketCommand)\nexport class ExecuteBasketCommandHandler {}\n');
    write('services/shop/src/queries/items/items.http.controller.ts', "import { DataSource } from 'typeorm';\nexport class ItemsHttpController {}\n");
    write('services/shop/src/buy-item.e2e.spec.ts');
    write('services/shop/src/testing/shop-test-kit.ts');

    expect(found()).toEqual([]);
  });

  it('refuses a use-case controller that reaches the store, the database or the infrastructure token', () => {
    write(
      'services/shop/src/commands/buy-item/buy-item.http.controller.ts',
      [
        "import { Repository, type EntityManager } from 'typeorm';",
        "import { SERVICE_INFRASTRUCTURE as INFRA } from '@gongzhi/runtime';",
        "import type { EventStore } from '@gongzhi/eventsourcing';",
        "import { ItemRepository } from '../../read-models/item.repository';",
        'export class BuyItemHttpController {}',
        '',
      ].join('\n'),
    );

    expect(found()).toEqual([
      ['controller-reaches-storage', 'src/commands/buy-item/buy-item.http.controller.ts', "imports 'typeorm'"],
      ['controller-reaches-storage', 'src/commands/buy-item/buy-item.http.controller.ts', "imports SERVICE_INFRASTRUCTURE from '@gongzhi/runtime'"],
      ['controller-reaches-storage', 'src/commands/buy-item/buy-item.http.controller.ts', "imports EventStore from '@gongzhi/eventsourcing'"],
      ['controller-reaches-storage', 'src/commands/buy-item/buy-item.http.controller.ts', "imports '../../read-models/item.repository'"],
    ]);
  });

  it('refuses a command handler outside src/commands/<use-case>/, or named after another use case', () => {
    const handler = '@CommandHandler(BuyItem)\nexport class BuyItemHandler {}\n';
    write('services/shop/src/http/buy-item.handler.ts', handler);
    write('services/shop/src/commands/execute-commands.ts', handler);
    write('services/shop/src/commands/items/buy-item.handler.ts', handler);

    expect(found().map(([rule, path]) => [rule, path])).toEqual([
      ['handler-outside-use-case-folder', 'src/commands/execute-commands.ts'],
      ['handler-outside-use-case-folder', 'src/commands/items/buy-item.handler.ts'],
      ['handler-outside-use-case-folder', 'src/http/buy-item.handler.ts'],
    ]);
  });

  it('refuses a controller kept in an http/ folder, apart from the command it sends', () => {
    write('services/shop/src/http/buy-item.http.controller.ts', "import { CommandBus } from '@nestjs/cqrs';\nexport class BuyItemHttpController {}\n");

    expect(found().map(([rule, path]) => [rule, path])).toEqual([['controller-apart-from-use-case', 'src/http/buy-item.http.controller.ts']]);
  });

  it('refuses a test/ folder, and test support anywhere but src/testing/', () => {
    write('services/shop/test/buy-item.int.spec.ts');
    write('services/shop/src/spec-support/shop-kit.ts');
    write('services/shop/src/commands/buy-item/testing/fake-till.ts');

    expect(found().map(([rule, path]) => [rule, path])).toEqual([
      ['test-support-folder', 'src/commands/buy-item/testing'],
      ['test-support-folder', 'src/spec-support'],
      ['test-folder', 'test'],
    ]);
  });
});
