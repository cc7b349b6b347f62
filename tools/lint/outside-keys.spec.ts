import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

// Proves the `in` rule of eslint.config.mjs with a deliberate violation, as module-boundaries.spec.ts does for
// its rule (lint-snippets.mjs lints code as if it were the named file, in a child process).

const workspaceRoot = resolve(__dirname, '../..');

function restrictedSyntaxErrors(code: string): Promise<string[]> {
  return new Promise((resolveMessages, reject) => {
    const child = execFile(
      process.execPath,
      [resolve(__dirname, 'lint-snippets.mjs')],
      { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
        resolveMessages(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message));
      },
    );
    child.stdin?.end(JSON.stringify([{ filePath: 'services/points/src/http/looks-up-a-key.ts', code }]));
  });
}

describe('keys from outside are never looked up with `in`', () => {
  it('refuses `key in record`, which finds constructor and __proto__ in every object', async () => {
    const messages = await restrictedSyntaxErrors(
      'export const known = (rules: Record<string, number>, ruleId: string) => ruleId in rules;\n',
    );
    expect(messages).toEqual([expect.stringContaining('Object.hasOwn')]);
  }, 60_000);

  it("lets a literal name narrow a union, as `'caseId' in event.data` does", async () => {
    expect(await restrictedSyntaxErrors("export const hasCase = (data: object) => 'caseId' in data;\n")).toEqual([]);
  }, 60_000);
});
