import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** Source that ESLint lints as if it were the named file of the workspace; it never exists on disk. */
export interface Snippet {
  readonly filePath: string;
  readonly code: string;
}
export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
}

const workspaceRoot = resolve(__dirname, '../..');

/**
 * Lints snippets with the real eslint.config.mjs, so a spec can prove a rule with a deliberate violation.
 * See lint-snippets.mjs for why ESLint runs in a child process.
 */
export function lintSnippets(batch: readonly Snippet[]): Promise<{ filePath: string; messages: LintMessage[] }[]> {
  return new Promise((resolveResults, reject) => {
    const child = execFile(
      process.execPath,
      [resolve(__dirname, 'lint-snippets.mjs')],
      { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolveResults(JSON.parse(stdout))),
    );
    child.stdin?.end(JSON.stringify(batch));
  });
}

/** The messages of one rule, at error level, per snippet name. */
export async function errorsOfRule<Name extends string>(rule: string, snippets: Record<Name, Snippet>): Promise<Record<Name, string[]>> {
  const names = Object.keys(snippets) as Name[];
  const results = await lintSnippets(names.map((name) => snippets[name]));
  return Object.fromEntries(
    names.map((name, i) => [name, results[i].messages.filter((m) => m.ruleId === rule && m.severity === 2).map((m) => m.message)]),
  ) as Record<Name, string[]>;
}
