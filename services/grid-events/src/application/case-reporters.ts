import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { insertRows } from '@gongzhi/persistence';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseListChanges } from '../read-models/case-list-changes';
import { CaseFollower, CaseReporter } from '../read-models/case-reporter.entity';

/** The private record of who reported and who follows each case (never published: see CaseReporter). */
@Injectable()
export class CaseReporters {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly listChanges: CaseListChanges,
  ) {}

  private get manager() {
    return this.infrastructure.dataSource.manager;
  }

  // No case list changes here: a list shows a case once its view is projected (which counts as a change), and the case
  // id is new, so its reporter row stands beside no view yet.
  async record(caseId: string, reporterId: string, anonymous: boolean, nameVisibleToStaff = false): Promise<void> {
    // A plain insert: TypeORM's would read the row back for its default, on every report.
    await insertRows(this.manager, CaseReporter, [{ caseId, reporterId, anonymous, nameVisibleToStaff: anonymous && nameVisibleToStaff }]);
  }

  async reportersOf(caseIds: readonly string[]): Promise<Map<string, CaseReporter>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.manager.findBy(CaseReporter, { caseId: In([...caseIds]) });
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  async followedBy(subject: string, caseIds: readonly string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await this.manager.findBy(CaseFollower, { followerId: subject, caseId: In([...caseIds]) });
    return new Set(rows.map((r) => r.caseId));
  }

  async forget(caseId: string): Promise<void> {
    await this.manager.delete(CaseReporter, { caseId });
    this.listChanges.changed();
  }

  async reporterOf(caseId: string): Promise<CaseReporter | null> {
    return this.manager.findOneBy(CaseReporter, { caseId });
  }

  async isReporter(caseId: string, subject: string): Promise<boolean> {
    return (await this.reporterOf(caseId))?.reporterId === subject;
  }

  async isFollower(caseId: string, subject: string): Promise<boolean> {
    return (await this.manager.countBy(CaseFollower, { caseId, followerId: subject })) > 0;
  }

  async follow(caseId: string, subject: string, at: Date): Promise<void> {
    await this.manager.upsert(CaseFollower, { caseId, followerId: subject, since: at.toISOString() }, ['caseId', 'followerId']);
    this.listChanges.changed();
  }
}
