import type { DataSource } from 'typeorm';
import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Account, DEMO_ACCOUNTS, IDENTITY_DATA_SOURCE, seedDemoAccounts, type Role } from '@gongzhi/identity';
import type { INestApplication } from '@nestjs/common';
import type { ManualClock } from '@gongzhi/eventsourcing';
import { DepartmentDispatchRuntime } from '../department-dispatch.runtime';

/** What the kit needs of `@gongzhi/testing`'s TestApp (production code may not import the testing lib). */
interface TestApp {
  readonly app: INestApplication;
  readonly clock: ManualClock;
  login(username: string, password: string): Promise<string>;
}

/** Staff of other departments than the demo's 城管, for tests that need two departments or one that was not summoned. */
export const EXTRA_STAFF = [
  { username: 'test-staff-jiaojing', departmentId: 'dept-jiaojing' },
  { username: 'test-staff-zhujian', departmentId: 'dept-zhujian' },
] as const;
const EXTRA_PASSWORD = 'test-staff-password-2026';

export async function seedExtraStaff(app: TestApp): Promise<void> {
  const dataSource = app.app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
  const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
  await seedDemoAccounts(
    dataSource.getRepository(Account),
    EXTRA_STAFF.map((s) => ({ username: s.username, password: EXTRA_PASSWORD, displayName: s.username, role: 'department_staff', scope: { ...huangpu, departmentId: s.departmentId } })),
    { now: app.clock.now() },
  );
}

/** A fresh token (access tokens last 15 minutes of the test's clock, and tests move it by hours). */
export async function freshToken(app: TestApp, who: Role | (typeof EXTRA_STAFF)[number]['username']): Promise<string> {
  const demo = DEMO_ACCOUNTS.find((a) => a.role === who);
  if (demo) return app.login(demo.username, demo.password);
  return app.login(who, EXTRA_PASSWORD);
}

export function dispatchRuntime(app: TestApp): DepartmentDispatchRuntime {
  return app.app.get(DepartmentDispatchRuntime, { strict: false });
}

/** A grid-events event as it would arrive from the topic: validated by its contract (uncorrelated unless given a correlation id). */
export function gridEvent(type: string, data: Record<string, unknown>, occurredAt: string, streamVersion = 1, correlationId?: string): PublicEvent {
  const parsed = publicEvents.parse({
    eventId: uuidv7(),
    type,
    schemaVersion: publicEvents.latestVersion(type) ?? 1,
    streamId: `case-${data['caseId']}`,
    streamVersion,
    occurredAt,
    ...(correlationId === undefined ? {} : { correlationId }),
    data,
  });
  if (parsed.kind !== 'ok') throw new Error(`not a valid ${type}: ${JSON.stringify(parsed)}`);
  return parsed.event;
}
