import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkCommandShapes, type CommandShapeViolation } from './command-shape';

// Every command on the CommandBus is `{ type, data }` (docs/services.md); command-shape.ts says how that is checked.

const workspaceRoot = resolve(__dirname, '../..');
const summary = (v: CommandShapeViolation) => `${v.rule}: ${v.path} ${v.command} (${v.detail})`;

describe('every command on the CommandBus is { type, data }', () => {
  it('has no command of another shape', () => {
    expect(checkCommandShapes(workspaceRoot).map(summary)).toEqual([]);
  });
});

describe('the command shape check, on deliberate strays', () => {
  let root: string;
  const write = (path: string, code: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  };
  const found = () =>
    checkCommandShapes(root).map((v) => [v.rule, v.path.replace(/^services\/shop\/src\/commands\//, ''), v.command, v.detail]);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'command-shape-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts commands shaped { type, data }, with the handlers and helpers beside them left alone', () => {
    write(
      'services/shop/src/commands/buy-item/buy-item.command.ts',
      [
        'export interface Basket { readonly itemIds: readonly string[] }',
        'class Unsent { constructor(readonly a: string, readonly b: string) {} }',
        'export class BuyItem {',
        "  readonly type = 'BuyItem';",
        '  constructor(readonly data: { readonly itemId: string; readonly basket: Basket }) {}',
        '}',
        '',
      ].join('\n'),
    );
    write(
      'services/shop/src/commands/execute-basket-command.ts',
      [
        'export class ExecuteBasketCommand {',
        "  readonly type = 'ExecuteBasketCommand';",
        '  constructor(readonly data: { readonly basketId: string }) {}',
        '}',
        '@CommandHandler(ExecuteBasketCommand)',
        'export class ExecuteBasketCommandHandler {',
        '  constructor(private readonly store: unknown, private readonly clock: unknown) {}',
        '}',
        '',
      ].join('\n'),
    );
    write('services/shop/src/commands/buy-item/buy-item.request.ts', 'export class BuyItemRequest { itemId!: string; }\n');

    expect(found()).toEqual([]);
  });

  it('refuses a command with positional arguments, naming them', () => {
    write(
      'services/shop/src/commands/close-till/close-till.command.ts',
      'export class CloseTill {\n  constructor(readonly shopId: string, readonly tillId: string) {}\n}\n',
    );

    expect(found()).toEqual([
      [
        'command-with-positional-arguments',
        'close-till/close-till.command.ts',
        'CloseTill',
        'its constructor takes 2 parameters (shopId, tillId); it takes one, data',
      ],
      [
        'command-without-data',
        'close-till/close-till.command.ts',
        'CloseTill',
        'has no readonly data: its constructor takes (readonly data: { … })',
      ],
      ['command-without-type', 'close-till/close-till.command.ts', 'CloseTill', "has no readonly type = 'CloseTill'"],
    ]);
  });

  it('refuses a single object that is not data, and data without a type', () => {
    write(
      'services/shop/src/commands/open-till/open-till.command.ts',
      'export class OpenTill {\n  constructor(readonly intake: { tillId: string }) {}\n}\n',
    );
    write(
      'services/shop/src/commands/execute-till-command.ts',
      'export class ExecuteTillCommand {\n  constructor(readonly data: { tillId: string }) {}\n}\n',
    );

    expect(found().map(([rule, path, command]) => [rule, path, command])).toEqual([
      ['command-without-type', 'execute-till-command.ts', 'ExecuteTillCommand'],
      ['command-without-data', 'open-till/open-till.command.ts', 'OpenTill'],
      ['command-without-type', 'open-till/open-till.command.ts', 'OpenTill'],
    ]);
  });

  it('refuses a type that is not the class name, and a data that is only a constructor argument', () => {
    write(
      'services/shop/src/commands/count-till/count-till.command.ts',
      [
        'export class CountTill {',
        "  readonly type = 'CountCash';",
        '  constructor(data: { tillId: string }) {}',
        '}',
        'export class RecountTill {',
        '  readonly type = `RecountTill`;',
        '  static readonly data = {};',
        '  constructor(readonly data: { tillId: string }) {}',
        '}',
        '',
      ].join('\n'),
    );

    expect(found().map(([rule, , command, detail]) => [rule, command, detail])).toEqual([
      ['command-without-data', 'CountTill', 'has no readonly data: its constructor takes (readonly data: { … })'],
      ['command-without-type', 'CountTill', "its type is 'CountCash', not 'CountTill'"],
    ]);
  });
});
