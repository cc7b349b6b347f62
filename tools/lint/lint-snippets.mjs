// Lints source snippets as if they were files of the workspace, with the real eslint.config.mjs,
// and prints the messages as JSON. Input on stdin: [{ "filePath": "libs/x/src/y.ts", "code": "…" }].
// It exists because ESLint loads its config with a dynamic import(), which Jest's module sandbox
// refuses; module-boundaries.spec.ts runs it as a child process instead.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';

const workspaceRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const snippets = JSON.parse(await text(process.stdin));
const eslint = new ESLint({ cwd: workspaceRoot });
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: resolve(workspaceRoot, filePath) });
  results.push({
    filePath,
    messages: result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })),
  });
}
process.stdout.write(JSON.stringify(results));
