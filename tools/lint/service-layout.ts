import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

// The layout of docs/services.md, checked on the files themselves: what a reviewer would otherwise have to
// remember. service-layout.spec.ts runs it over the workspace (and over deliberate violations).

export type LayoutRule =
  /** A use case's controller only validates and maps to HTTP; the handler behind the CommandBus reads and writes. */
  | 'controller-reaches-storage'
  /** A newcomer finds any use case in one hop: its handler sits in `src/commands/<use-case>/`. */
  | 'handler-outside-use-case-folder'
  /** …and so does its controller: not in an `http/` folder apart from the command it sends. */
  | 'controller-apart-from-use-case'
  /** int/e2e specs live next to what they test, not in a `test/` folder. */
  | 'test-folder'
  /** A service's test support lives in one folder with one name: `src/testing/`. */
  | 'test-support-folder';

export interface LayoutViolation {
  readonly rule: LayoutRule;
  /** Relative to the workspace root, with forward slashes. */
  readonly path: string;
  readonly detail: string;
}

/** What a controller must not import: storage, the broker, or the token that hands them out. */
const STORAGE_MODULES = [/^typeorm(\/|$)/, /^pg$/, /^kafkajs$/, /\.repository$/, /(^|\/)repositories?(\/|$)/];
const STORAGE_NAMES = new Set(['SERVICE_INFRASTRUCTURE', 'EventStore', 'DataSource', 'Repository', 'EntityManager', 'InjectRepository', 'InjectDataSource']);

/** `src/commands/<use-case>/<use-case>.handler.ts`, or an aggregate's one generic executor for policies and timers. */
const USE_CASE_HANDLER = /^src\/commands\/([a-z0-9-]+)\/\1\.handler\.ts$/;
const GENERIC_EXECUTOR = /^src\/commands\/execute-[a-z0-9-]+-command(\.handler)?\.ts$/;

const TEST_FOLDERS = new Set(['test', 'tests', '__tests__']);
const TEST_SUPPORT_FOLDERS = new Set(['spec-support', 'test-support', 'test-kit', 'testing', 'support', 'fixtures']);

const SKIPPED = new Set(['node_modules', 'dist', '.data', 'tmp']);

export function checkServiceLayout(workspaceRoot: string): LayoutViolation[] {
  const servicesDir = join(workspaceRoot, 'services');
  if (!existsSync(servicesDir)) return [];
  const violations: LayoutViolation[] = [];
  for (const service of readdirSync(servicesDir, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const serviceDir = join(servicesDir, service.name);
    walk(serviceDir, (path, isDirectory) => {
      const inWorkspace = toPosix(relative(workspaceRoot, path));
      const inService = toPosix(relative(serviceDir, path));
      const name = inService.split('/').pop() ?? '';
      if (isDirectory) {
        if (TEST_FOLDERS.has(name)) {
          violations.push({ rule: 'test-folder', path: inWorkspace, detail: 'int/e2e specs live in src/ next to what they test' });
        } else if (TEST_SUPPORT_FOLDERS.has(name) && inService !== 'src/testing') {
          violations.push({ rule: 'test-support-folder', path: inWorkspace, detail: 'test support lives in src/testing/' });
        }
        return;
      }
      if (!name.endsWith('.ts') || name.endsWith('.spec.ts')) return;
      const source = readFileSync(path, 'utf8');
      // Queries read their read models directly (src/queries/); a use case goes through its handler.
      if (name.endsWith('.http.controller.ts') && inService.startsWith('src/commands/')) {
        for (const reached of storageImports(name, source)) {
          violations.push({ rule: 'controller-reaches-storage', path: inWorkspace, detail: `imports ${reached}` });
        }
      }
      if (name.endsWith('.http.controller.ts') && inService.split('/').includes('http')) {
        violations.push({
          rule: 'controller-apart-from-use-case',
          path: inWorkspace,
          detail: 'a controller lives with its use case in src/commands/<use-case>/ (or with its query in src/queries/)',
        });
      }
      if (/@CommandHandler\(/.test(source) && !USE_CASE_HANDLER.test(inService) && !GENERIC_EXECUTOR.test(inService)) {
        violations.push({
          rule: 'handler-outside-use-case-folder',
          path: inWorkspace,
          detail: 'a @CommandHandler lives in src/commands/<use-case>/<use-case>.handler.ts',
        });
      }
    });
  }
  return violations.sort((a, b) => a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule));
}

/** The storage a file imports: `typeorm`, or `SERVICE_INFRASTRUCTURE from '…'`. */
function storageImports(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (STORAGE_MODULES.some((pattern) => pattern.test(module))) {
      found.push(`'${module}'`);
      continue;
    }
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (STORAGE_NAMES.has(imported)) found.push(`${imported} from '${module}'`);
      }
    }
  }
  return found;
}

function walk(dir: string, visit: (path: string, isDirectory: boolean) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    visit(path, entry.isDirectory());
    if (entry.isDirectory()) walk(path, visit);
  }
}

const toPosix = (path: string) => path.split(sep).join('/');
