import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// Which Node runs the host for npm start and the HTTP bench (tools/host-node.mjs), asked as the bench asks it.
const script = resolve(__dirname, 'host-node.mjs');

function ask(choice: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (choice === undefined) delete env.GONGZHI_HOST_NODE;
  else env.GONGZHI_HOST_NODE = choice;
  const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the Node the host runs on', () => {
  it('is the machine’s own when asked for the system Node', () => {
    const answer = ask('system');
    expect(answer.status).toBe(0);
    expect(JSON.parse(answer.stdout)).toEqual({ path: process.execPath, args: [], env: {}, version: process.version });
  });

  it('refuses a setting it does not know, naming the variable and the choices', () => {
    const answer = ask('newest');
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('GONGZHI_HOST_NODE takes "auto"');
    expect(answer.stderr).toContain('not "newest"');
    expect(answer.stdout).toBe('');
  });
});
