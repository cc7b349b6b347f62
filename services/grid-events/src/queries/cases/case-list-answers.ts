import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@gongzhi/identity';
import { jsonBodyOf, type JsonBody } from '@gongzhi/platform';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseListChanges } from '../../read-models/case-list-changes';
import type { ListCasesQuery } from './cases.request';

/** Beyond these the kept answers are all let go: a few hundred people's lists, each of tens of kilobytes at most. */
const KEPT_BYTES = 16 * 2 ** 20;
const KEPT_ANSWERS = 4_096;

/**
 * The case lists' answers as bytes, kept per reader and query until the lists next change (CaseListChanges). A
 * resident checking their cases or a grid worker their queue asks again and again while nothing moved; the answer is
 * then the bytes of the last one, with no query, no reading rule per row and no JSON. The key is everything the answer
 * depends on: the reader's subject, kind, roles and scope (a token of another scope is another key) and the query.
 *
 * Only where this process is the one writer of the lists' tables: the embedded default's SQLite. Replicas in the
 * distributed mode share PostgreSQL, and another replica's projector would move the lists unseen here.
 */
@Injectable()
export class CaseListAnswers {
  private readonly kept = new Map<string, Promise<JsonBody>>();
  private keptBytes = 0;
  private version: number;
  private readonly enabled: boolean;

  constructor(
    private readonly changes: CaseListChanges,
    @Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure,
  ) {
    this.version = changes.version;
    this.enabled = infrastructure.dataSource.options.type === 'better-sqlite3';
  }

  read(principal: Principal, query: ListCasesQuery, compute: () => Promise<unknown>): Promise<JsonBody> {
    if (!this.enabled) return compute().then(jsonBodyOf);
    if (this.version !== this.changes.version) this.forget(this.changes.version);
    const key = JSON.stringify([
      principal.subject,
      principal.kind ?? 'user',
      principal.roles,
      principal.scope,
      query.mine,
      query.status,
      query.limit,
    ]);
    const kept = this.kept.get(key);
    if (kept) return kept;
    // Stamped before the query runs: a change committed after it began leaves a newer count, and the answer is dropped.
    const version = this.version;
    const body = compute().then(jsonBodyOf);
    if (this.kept.size >= KEPT_ANSWERS) this.forget(version);
    this.kept.set(key, body);
    body.then(
      ({ bytes }) => {
        if (this.version !== version || this.kept.get(key) !== body) return;
        this.keptBytes += bytes.length;
        if (this.keptBytes > KEPT_BYTES) this.forget(version);
      },
      () => {
        if (this.kept.get(key) === body) this.kept.delete(key);
      },
    );
    return body;
  }

  private forget(version: number): void {
    this.kept.clear();
    this.keptBytes = 0;
    this.version = version;
  }
}
