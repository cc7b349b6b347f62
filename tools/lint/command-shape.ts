import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

// Every message on the CommandBus is `{ type, data }` (docs/services.md), the same shape as a decider's commands,
// so metrics, logs and tests read any command one way. command-shape.spec.ts runs this over the workspace (and
// over deliberate violations). It reads the source, so a command that never reaches a test is still checked.

export type CommandShapeRule =
  /** `readonly type = '<ClassName>'`: the name survives minification and a serialised command still says what it is. */
  | 'command-without-type'
  /** Everything the command carries sits in one `data` object, named at the sender. */
  | 'command-without-data'
  /** Positional arguments are swapped silently when two have one type (buildingId, electionId). */
  | 'command-with-positional-arguments';

export interface CommandShapeViolation {
  readonly rule: CommandShapeRule;
  /** Relative to the workspace root, with forward slashes. */
  readonly path: string;
  readonly command: string;
  readonly detail: string;
}

/** `src/commands/<use-case>/<use-case>.command.ts`, and an aggregate's generic executor, which holds its command too. */
const COMMAND_FILE = /^src\/commands\/(.+\/)?[a-z0-9-]+\.command\.ts$/;
const GENERIC_EXECUTOR = /^src\/commands\/execute-[a-z0-9-]+-command\.ts$/;

const SKIPPED = new Set(['node_modules', 'dist', '.data', 'tmp']);

export function checkCommandShapes(workspaceRoot: string): CommandShapeViolation[] {
  const servicesDir = join(workspaceRoot, 'services');
  if (!existsSync(servicesDir)) return [];
  const violations: CommandShapeViolation[] = [];
  for (const service of readdirSync(servicesDir, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const serviceDir = join(servicesDir, service.name);
    const commandsDir = join(serviceDir, 'src', 'commands');
    if (!existsSync(commandsDir)) continue;
    walk(commandsDir, (path) => {
      const inService = toPosix(relative(serviceDir, path));
      if (!COMMAND_FILE.test(inService) && !GENERIC_EXECUTOR.test(inService)) return;
      const inWorkspace = toPosix(relative(workspaceRoot, path));
      for (const found of shapeViolations(path, readFileSync(path, 'utf8'))) violations.push({ ...found, path: inWorkspace });
    });
  }
  return violations.sort((a, b) => a.path.localeCompare(b.path) || a.command.localeCompare(b.command) || a.rule.localeCompare(b.rule));
}

/** The exported command classes of one file that are not `{ type, data }`; the handlers beside them are skipped. */
function shapeViolations(fileName: string, source: string): Omit<CommandShapeViolation, 'path'>[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Omit<CommandShapeViolation, 'path'>[] = [];
  for (const statement of file.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !isExported(statement) || isCommandHandler(statement)) continue;
    const command = statement.name.text;
    const members = statement.members;
    const constructor = members.find(ts.isConstructorDeclaration);
    const parameters = constructor?.parameters ?? ts.factory.createNodeArray();

    const type = members.find((member) => ts.isPropertyDeclaration(member) && !isStatic(member) && nameOf(member) === 'type') as
      ts.PropertyDeclaration | undefined;
    const typeValue = type?.initializer && ts.isStringLiteralLike(type.initializer) ? type.initializer.text : undefined;
    if (typeValue !== command) {
      found.push({
        rule: 'command-without-type',
        command,
        detail: typeValue === undefined ? `has no readonly type = '${command}'` : `its type is '${typeValue}', not '${command}'`,
      });
    }

    const dataParameter = parameters.some(
      (parameter) =>
        ts.isIdentifier(parameter.name) && parameter.name.text === 'data' && ts.isParameterPropertyDeclaration(parameter, constructor!),
    );
    const dataProperty = members.some((member) => ts.isPropertyDeclaration(member) && !isStatic(member) && nameOf(member) === 'data');
    if (!dataParameter && !dataProperty) {
      found.push({ rule: 'command-without-data', command, detail: 'has no readonly data: its constructor takes (readonly data: { … })' });
    }

    if (parameters.length > 1) {
      const names = parameters.map((parameter) => parameter.name.getText(file)).join(', ');
      found.push({
        rule: 'command-with-positional-arguments',
        command,
        detail: `its constructor takes ${parameters.length} parameters (${names}); it takes one, data`,
      });
    }
  }
  return found;
}

const isExported = (node: ts.ClassDeclaration) =>
  ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;

const isStatic = (node: ts.PropertyDeclaration) =>
  ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;

/** A `@CommandHandler(…)` class runs a command; it is not one. */
const isCommandHandler = (node: ts.ClassDeclaration) =>
  ts.getDecorators(node)?.some((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'CommandHandler';
  }) ?? false;

const nameOf = (member: ts.PropertyDeclaration) =>
  ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;

function walk(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

const toPosix = (path: string) => path.split(sep).join('/');
