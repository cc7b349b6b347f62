import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the commands table in docs/authority.md. */
export interface AuthorityRow {
  readonly method: string;
  readonly path: string;
  readonly command: string;
  readonly who: string;
  readonly scope: string;
  /** `—` for public commands, which have no wrong actor. */
  readonly wrongActor: string;
  readonly answer: number | null;
}

const unquote = (cell: string) => cell.trim().replace(/^`|`$/g, '');

export const AUTHORITY_DOC = join(__dirname, '../../../../docs/authority.md');

export function readAuthorityTable(path = AUTHORITY_DOC): AuthorityRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^\| (GET|POST|PUT|PATCH|DELETE) \|/.test(line))
    .map((line) => {
      const [method, route, command, who, scope, wrongActor, answer] = line.slice(1, -1).split('|').map(unquote);
      return { method, path: route, command, who, scope, wrongActor, answer: answer === '—' ? null : Number(answer) };
    });
}
