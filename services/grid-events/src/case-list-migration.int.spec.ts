import type { DataSource } from 'typeorm';
import { openServiceSchema, type ServiceInfrastructure } from '@gongzhi/runtime';
import { freshTestDatabase } from '@gongzhi/testing';
import { gridEventsService } from './index';
import { MIGRATIONS } from './migrations';
import { CaseListByReportTime1796448159655 } from './migrations/1796448159655-case-list-by-report-time';
import { CaseLists } from './queries/cases/case-lists';

/**
 * A PostgreSQL schema of the previous version, migrated: its reporter rows learn their cases' report times, so a
 * resident's list (read from the new index) shows the same newest cases in the same order as before the upgrade.
 */
describe('the case-list migration on PostgreSQL', () => {
  it("keeps a resident's list: the newest first, cut at the limit, whatever order the rows lie in", async () => {
    const url = await freshTestDatabase('listmigration');
    // The schema as it stood before the case-list migration (later migrations come after it in any case).
    const at = MIGRATIONS.indexOf(CaseListByReportTime1796448159655);
    expect(at).toBeGreaterThan(0);
    const before = MIGRATIONS.slice(0, at);
    const previous = await openServiceSchema({ ...gridEventsService, migrations: before }, url);
    // Reported on five days; the rows were written in another order.
    for (const day of [3, 1, 5, 2, 4]) await reported(previous, `case-${day}`, `2026-11-0${day}T08:00:00.000Z`);
    await previous.destroy();

    const migrated = await openServiceSchema(gridEventsService, url);
    try {
      const lists = new CaseLists({ dataSource: migrated } as ServiceInfrastructure);
      const listed = async (limit: number) => (await lists.ownAndFollowed('resident-zhao', undefined, limit)).map((c) => c.caseId);
      expect(await listed(2)).toEqual(['case-5', 'case-4']);
      expect(await listed(50)).toEqual(['case-5', 'case-4', 'case-3', 'case-2', 'case-1']);
      const [newest] = await lists.ownAndFollowed('resident-zhao', undefined, 1);
      expect(newest).toMatchObject({
        reportedAt: '2026-11-05T08:00:00.000Z',
        privateReporter: { reporterId: 'resident-zhao' },
        followed: false,
      });
    } finally {
      await migrated.destroy();
    }
  });
});

async function reported(dataSource: DataSource, caseId: string, at: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO "grid_events"."case_views" (case_id, status, category_code, description, grid_id, community_id, street_id, anonymous, reported_via, photo_ids, reported_at, updated_at) ` +
      `VALUES ($1, 'Reported', 'city.road.pothole', $2, 'grid-hexie-01', 'community-hexie', 'street-nanjingdong', false, 'app', '[]', $3, $3)`,
    [caseId, `pothole ${caseId}`, at],
  );
  await dataSource.query(
    `INSERT INTO "grid_events"."case_reporters" (case_id, reporter_id, anonymous) VALUES ($1, 'resident-zhao', false)`,
    [caseId],
  );
}
