import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { departmentDispatchService } from '../../index';
import { dispatchRuntime, freshToken, seedExtraStaff } from '../../testing/dispatch-test-kit';

const API = '/api/department-dispatch';

/**
 * A department's staff check in from a basement with no signal: the app keeps the check-in with the time it
 * was made and sends it when the signal returns. The deadline is judged by that time within 10 minutes.
 */
describe('a check-in made offline (madeAt) and sent when the signal returns', () => {
  let app: TestApp;
  let whistleId: string;
  let chengguan: string;
  let jiaojing: string;

  beforeAll(async () => {
    app = await startTestApp([departmentDispatchService]);
    await seedExtraStaff(app);
    app.clock.set('2026-11-26T09:00:00.000Z');
    const blown = await app.request('POST', `${API}/streets/street-nanjingdong/whistles`, {
      token: await freshToken(app, 'street_officer'),
      body: {
        title: '地下车库积水',
        description: '暴雨后地下车库积水，电梯停运',
        departmentIds: ['dept-chengguan', 'dept-jiaojing'],
        leadDepartmentId: 'dept-chengguan',
      },
    });
    expect(blown.body).toMatchObject({ checkInBy: '2026-11-26T09:30:00.000Z' });
    whistleId = blown.body.whistleId;
  });
  afterAll(() => app?.close());

  const checkIns = async () =>
    (await app.platform.infrastructure.get('department-dispatch')!.eventStore.readStream(`whistle-${whistleId}`)).events
      .filter((e) => e.type === 'DepartmentCheckedIn')
      .map(
        (e) => e.data as { departmentId: string; checkedInAt: string; madeAt?: string; withinDeadline: boolean; minutesToCheckIn: number },
      );
  const checkIn = (token: string, body: unknown, key = randomUUID()) =>
    fetch(`${app.url}${API}/whistles/${whistleId}/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

  it('refuses a madeAt in the future, before the whistle, or not a time, naming the field and storing nothing', async () => {
    app.clock.set('2026-11-26T09:10:00.000Z');
    jiaojing = await freshToken(app, 'test-staff-jiaojing');
    const future = await checkIn(jiaojing, { madeAt: '2026-11-26T17:11:00+08:00' });
    const beforeWhistle = await checkIn(jiaojing, { madeAt: '2026-11-26T08:59:00Z' });
    const notATime = await checkIn(jiaojing, { madeAt: '刚才' });

    expect(future).toMatchObject({ status: 400, body: { code: 'WHISTLE.CHECK_IN_MADE_IN_FUTURE', errors: [{ path: 'madeAt' }] } });
    expect(beforeWhistle).toMatchObject({
      status: 400,
      body: { code: 'WHISTLE.CHECK_IN_MADE_BEFORE_WHISTLE', errors: [{ path: 'madeAt' }] },
    });
    expect(notATime).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', errors: [{ path: 'madeAt' }] } });
    expect(await checkIns()).toEqual([]);
  });

  it('counts a check-in made before the deadline and received within the grace window as on time, even after the escalation fired', async () => {
    app.clock.set('2026-11-26T09:30:00.000Z');
    await dispatchRuntime(app).scheduler.fireDue();
    app.clock.set('2026-11-26T09:37:00.000Z');
    chengguan = await freshToken(app, 'department_staff');
    const key = randomUUID();
    // Made at 17:26 Shanghai time (09:26 UTC) in the basement; the first answer is lost, the app sends again.
    const first = await checkIn(chengguan, { madeAt: '2026-11-26T17:26:00+08:00' }, key);
    const again = await checkIn(chengguan, { madeAt: '2026-11-26T17:26:00+08:00' }, key);

    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect(await checkIns()).toEqual([
      expect.objectContaining({
        departmentId: 'dept-chengguan',
        checkedInAt: '2026-11-26T09:37:00.000Z',
        madeAt: '2026-11-26T09:26:00.000Z',
        withinDeadline: true,
        minutesToCheckIn: 27,
      }),
    ]);
  });

  it('judges a check-in received more than 10 minutes after it was made by 10 minutes before its arrival: late here', async () => {
    app.clock.set('2026-11-26T09:45:00.000Z');
    jiaojing = await freshToken(app, 'test-staff-jiaojing');
    // Made at 09:29, one minute before the deadline, but it reached the server 16 minutes later.
    const late = await checkIn(jiaojing, { madeAt: '2026-11-26T09:29:00Z' });

    expect(late.status).toBe(200);
    expect((await checkIns()).find((c) => c.departmentId === 'dept-jiaojing')).toMatchObject({
      checkedInAt: '2026-11-26T09:45:00.000Z',
      madeAt: '2026-11-26T09:29:00.000Z',
      withinDeadline: false,
      minutesToCheckIn: 35,
    });
  });
});
