import { startTestApp, type TestApp, eventuallyPasses, TINY_PNG } from '@gongzhi/testing';
import { GridEventsRuntime } from './grid-events.runtime';
import { gridEventsService } from './index';
import { reportedCaseAnswer } from './commands/report-case/report-case.response';
import { caseAnswer, caseListAnswer, duplicatesAnswer } from './queries/cases/cases.response';
import { categoriesAnswer, departmentsAnswer, organisationAnswer } from './queries/catalogue/catalogue.response';
import { notificationsAnswer } from './queries/notifications/notifications.response';

const inHexie01 = { lat: 31.2385, long: 121.4778 };

describe('grid-events over HTTP: the closed loop 发现-上报-分派-处置-反馈-评价', () => {
  let app: TestApp;
  let tokens: Record<'resident' | 'gridWorker' | 'community' | 'street', string>;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService]);
    tokens = {
      resident: await app.tokenFor('resident'),
      gridWorker: await app.tokenFor('grid_worker'),
      community: await app.tokenFor('community_officer'),
      street: await app.tokenFor('street_officer'),
    };
  });
  afterAll(() => app?.close());

  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (path: string, token: string) => app.request('GET', path, { token });

  async function uploadPhoto(bytes: Buffer, token: string) {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(bytes)]), 'photo.png');
    const response = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('runs a report through triage, dispatch, handling, confirmation and evaluation to closed', async () => {
    const before = await uploadPhoto(TINY_PNG, tokens.resident);
    expect(before).toMatchObject({ status: 201, body: { contentType: 'image/png' } });

    const reported = await post('/api/cases', tokens.resident, {
      categoryCode: 'city.road.pothole',
      description: '人行道上有个大坑，老人容易绊倒',
      location: inHexie01,
      photoIds: [before.body.photoId],
      anonymous: true,
    });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ status: 'Reported', gridId: 'grid-hexie-01', message: { zh: '已收到，正在处理' } });
    reportedCaseAnswer.parse(reported.body);
    const caseId: string = reported.body.caseId;

    // The resident reads the first feedback; as the reporter they see their anonymous case as theirs.
    await eventuallyPasses(async () => {
      const { body } = await get('/api/notifications', tokens.resident);
      expect(body.notifications.map((n: { kind: string }) => n.kind)).toContain('received');
    });
    const mine = await get(`/api/cases/${caseId}`, tokens.resident);
    expect(mine.body).toMatchObject({ status: 'Reported', anonymous: true, reporterId: null, reportedByYou: true });
    // Each answer the web app reads is parsed with the schema the OpenAPI document (and so the app's types) declares.
    caseAnswer.parse(mine.body);

    // A second report of the same pothole is offered the first as a duplicate.
    await eventuallyPasses(async () => {
      const { body } = await get(`/api/cases/duplicates?categoryCode=city.road.pothole&lat=31.2386&long=121.4779`, tokens.resident);
      expect(body.duplicates.map((d: { caseId: string }) => d.caseId)).toEqual([caseId]);
      duplicatesAnswer.parse(body);
    });
    // 50 m is the limit, to the metre: a report 50.3 m due south of the pothole is still offered it.
    const southBy = (metres: number) => (inHexie01.lat - (metres / 6_371_008.8) * (180 / Math.PI)).toFixed(8);
    const atTheEdge = await get(
      `/api/cases/duplicates?categoryCode=city.road.pothole&lat=${southBy(50.3)}&long=${inHexie01.long}`,
      tokens.resident,
    );
    expect(atTheEdge.body.duplicates).toContainEqual(expect.objectContaining({ caseId, distanceMetres: 50 }));
    const beyond = await get(
      `/api/cases/duplicates?categoryCode=city.road.pothole&lat=${southBy(51)}&long=${inHexie01.long}`,
      tokens.resident,
    );
    expect(beyond.body.duplicates.map((d: { caseId?: string }) => d.caseId)).not.toContain(caseId);

    expect((await post(`/api/cases/${caseId}/accept`, tokens.gridWorker)).status).toBe(200);
    const dispatched = await post(`/api/cases/${caseId}/dispatch`, tokens.community, { assigneeKind: 'grid_worker' });
    expect(dispatched.body).toMatchObject({ status: 'Dispatched', assignee: { kind: 'grid_worker', id: 'demo-grid-worker' } });
    expect((await post(`/api/cases/${caseId}/acknowledge`, tokens.gridWorker)).status).toBe(200);

    const after = await uploadPhoto(TINY_PNG, tokens.gridWorker);
    const resolved = await post(`/api/cases/${caseId}/resolve`, tokens.gridWorker, {
      notes: '已用沥青修补',
      afterPhotoIds: [after.body.photoId],
    });
    expect(resolved.status).toBe(200);

    // The staff view hides the anonymous reporter.
    const staffView = await get(`/api/cases/${caseId}`, tokens.community);
    expect(staffView.body).toMatchObject({
      status: 'Resolved',
      reporterId: null,
      reportedByYou: false,
      afterPhotoIds: [after.body.photoId],
    });
    caseAnswer.parse(staffView.body);
    caseListAnswer.parse((await get('/api/cases?status=Resolved&limit=100', tokens.community)).body);

    expect((await post(`/api/cases/${caseId}/confirm`, tokens.resident)).status).toBe(200);
    const evaluated = await post(`/api/cases/${caseId}/evaluate`, tokens.resident, { score: 5, comment: '修得又快又好' });
    expect(evaluated.body).toMatchObject({ status: 'Closed' });

    const closed = await get(`/api/cases/${caseId}`, tokens.resident);
    expect(closed.body).toMatchObject({ status: 'Closed', closeReason: 'evaluated', evaluation: { score: 5 } });
    expect(closed.body.timeline.map((t: { type: string }) => t.type)).toEqual([
      'CaseReported',
      'CaseAccepted',
      'CaseDispatched',
      'CaseAcknowledged',
      'CaseResolved',
      'CaseConfirmed',
      'CaseEvaluated',
      'CaseClosed',
    ]);
    expect(closed.body.timeline[0].by).toBe('anonymous');
    caseAnswer.parse(closed.body);
    expect(caseListAnswer.parse((await get('/api/cases?mine=true', tokens.resident)).body).cases.map((c) => c.caseId)).toContain(caseId);

    // Evaluating twice and resolving a closed case are refused.
    expect((await post(`/api/cases/${caseId}/evaluate`, tokens.resident, { score: 1 })).body).toMatchObject({
      statusCode: 409,
      code: 'CASE.ALREADY_EVALUATED',
    });
    expect((await post(`/api/cases/${caseId}/resolve`, tokens.gridWorker, { notes: 'again' })).body).toMatchObject({
      statusCode: 409,
      code: 'CASE.ALREADY_CLOSED',
    });

    await eventuallyPasses(async () => {
      const { body } = await get('/api/notifications', tokens.resident);
      expect(body.notifications.map((n: { kind: string }) => n.kind)).toEqual(
        expect.arrayContaining(['received', 'accepted', 'dispatched', 'acknowledged', 'resolved', 'evaluate', 'closed']),
      );
      notificationsAnswer.parse(body);
    });
  });

  it('answers the catalogue and the organisation in the shapes the OpenAPI document declares', async () => {
    const categories = categoriesAnswer.parse((await app.request('GET', '/api/categories')).body);
    expect(categories.categories.map((c) => c.code)).toContain('city.road.pothole');
    expect(departmentsAnswer.parse((await app.request('GET', '/api/departments')).body).departments.length).toBeGreaterThan(0);
    const organisation = organisationAnswer.parse((await app.request('GET', '/api/organisation')).body);
    const grids = organisation.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids)));
    expect(grids.map((g) => g.id)).toContain('grid-hexie-01');
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const unknown = await post('/api/cases', tokens.resident, { categoryCode: 'city.ufo.landing', description: 'x', location: inHexie01 });
    expect(unknown.body).toMatchObject({ statusCode: 400, code: 'CATEGORY.UNKNOWN', errors: [{ path: 'categoryCode' }] });
    const outside = await post('/api/cases', tokens.resident, {
      categoryCode: 'city.road.pothole',
      description: 'x',
      location: { lat: 39.9, long: 116.4 },
    });
    expect(outside.body).toMatchObject({ statusCode: 400, code: 'LOCATION.OUTSIDE_CITY' });
    const nowhere = await post('/api/cases', tokens.resident, { categoryCode: 'city.road.pothole', description: 'x' });
    expect(nowhere.body).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', errors: [{ path: 'location' }] });
    const notImage = await uploadPhoto(Buffer.from('<html>not a photo</html>'), tokens.resident);
    expect(notImage).toMatchObject({ status: 415, body: { code: 'PHOTO.UNSUPPORTED_TYPE' } });
    const huge = await uploadPhoto(Buffer.concat([TINY_PNG, Buffer.alloc(6 * 1024 * 1024)]), tokens.resident);
    expect(huge).toMatchObject({ status: 413, body: { code: 'PHOTO.TOO_LARGE' } });
    const { body } = await get('/api/cases?mine=true', tokens.resident);
    expect(body.cases.every((c: { description: string }) => c.description !== 'x')).toBe(true);
  });

  it("lists a resident's own cases newest first, as many as asked, and nobody else's", async () => {
    const hexie = {
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-nanjingdong',
      communityId: 'community-hexie',
    };
    const resident = (name: string) =>
      app.tokenAs({ subject: `resident-${name}`, roles: ['resident'], scope: hexie, verification: 'verified' });
    const [wang, li] = [await resident('list-wang'), await resident('list-li')];
    const report = async (token: string, description: string) => {
      app.clock.advance({ minutes: 1 });
      const { body } = await post('/api/cases', token, { categoryCode: 'city.road.pothole', description, location: inHexie01 });
      return body.caseId as string;
    };
    await report(wang, '王阿姨：第一处坑');
    await report(li, '李师傅：楼下的坑');
    const second = await report(wang, '王阿姨：第二处坑');
    await report(wang, '王阿姨：第三处坑');
    const listOf = async (query: string) =>
      caseListAnswer.parse((await get(`/api/cases?${query}`, wang)).body).cases.map((c) => c.description);
    await eventuallyPasses(async () =>
      expect(await listOf('mine=true')).toEqual(['王阿姨：第三处坑', '王阿姨：第二处坑', '王阿姨：第一处坑']),
    );
    expect(await listOf('mine=true&limit=2')).toEqual(['王阿姨：第三处坑', '王阿姨：第二处坑']);
    await post(`/api/cases/${second}/reject`, tokens.gridWorker, { reason: '已在维修计划中' });
    await eventuallyPasses(async () => expect(await listOf('mine=true&status=Rejected')).toEqual(['王阿姨：第二处坑']));
    expect(await listOf('mine=true&status=Reported&limit=1')).toEqual(['王阿姨：第三处坑']);
  });

  it('names the rule in plain words: rejecting without a body, or with a blank reason', async () => {
    const { body: reported } = await post('/api/cases', tokens.resident, {
      categoryCode: 'city.road.pothole',
      description: '井盖松动',
      location: inHexie01,
    });
    const noBody = await app.request('POST', `/api/cases/${reported.caseId}/reject`, { token: tokens.gridWorker });
    expect(noBody).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', errors: [{ path: 'reason', message: 'required' }] } });
    expect(JSON.stringify(noBody.body)).not.toMatch(/expected|received|undefined/);
    const blank = await post(`/api/cases/${reported.caseId}/reject`, tokens.gridWorker, { reason: '  ' });
    expect(blank.body).toMatchObject({ statusCode: 400, errors: [{ path: 'reason', message: 'a rejection needs a reason' }] });
    expect((await get(`/api/cases/${reported.caseId}`, tokens.gridWorker)).body).toMatchObject({ status: 'Reported' });
  });

  it('lets only the right people act: a resident cannot triage, another grid cannot handle', async () => {
    const { body } = await post('/api/cases', tokens.resident, {
      categoryCode: 'environment.garbage.overflow',
      description: '垃圾桶满了',
      location: inHexie01,
    });
    expect((await post(`/api/cases/${body.caseId}/accept`, tokens.resident)).status).toBe(403);
    expect((await get(`/api/cases/${body.caseId}`, await app.tokenFor('department_staff'))).status).toBe(403);
  });
  // Last two: they move the clock past the access tokens' lifetime.
  it('fires the acknowledge and resolve deadlines once each from the durable scheduler, escalating the case', async () => {
    const { body } = await post('/api/cases', tokens.gridWorker, {
      categoryCode: 'traffic.parking.illegal',
      description: '消防通道口违停',
      location: inHexie01,
    });
    await post(`/api/cases/${body.caseId}/accept`, tokens.gridWorker);
    await post(`/api/cases/${body.caseId}/dispatch`, tokens.street, { assigneeKind: 'department' });
    const runtime = app.app.get(GridEventsRuntime);
    await eventuallyPasses(async () =>
      expect((await runtime.scheduler.pending()).map((t) => t.id)).toEqual(expect.arrayContaining([expect.stringContaining(body.caseId)])),
    );

    app.clock.advance({ hours: 5 }); // past the 1 h acknowledge SLA and the 4 h resolve SLA
    await runtime.scheduler.fireDue();
    await runtime.scheduler.fireDue();
    const { body: view } = await get(`/api/cases/${body.caseId}`, await app.login('demo-street-officer', 'demo-street-officer-2026'));
    expect(view.timeline.map((t: { type: string }) => t.type).slice(3)).toEqual([
      'CaseAcknowledgeOverdue',
      'CaseEscalated',
      'CaseResolutionOverdue',
      'CaseEscalated',
    ]);
  });

  it('holds a reopened case to a new resolve-by time from the reopening, and flags it overdue once that passes', async () => {
    // The clock moves by hours here, so every step signs in afresh.
    const signIn = (role: 'resident' | 'grid-worker' | 'community-officer') => app.login(`demo-${role}`, `demo-${role}-2026`);
    const runtime = app.app.get(GridEventsRuntime);
    const pendingTimers = async () => (await runtime.scheduler.pending()).map((t) => t.id);
    const caseOf = async (caseId: string) => (await get(`/api/cases/${caseId}`, await signIn('community-officer'))).body;

    const resident = await signIn('resident');
    const { body } = await post('/api/cases', resident, {
      categoryCode: 'traffic.parking.illegal',
      description: '小区门口长期违停',
      location: inHexie01,
    });
    const caseId: string = body.caseId;
    const gridWorker = await signIn('grid-worker');
    await post(`/api/cases/${caseId}/accept`, gridWorker);
    await post(`/api/cases/${caseId}/dispatch`, await signIn('community-officer'), { assigneeKind: 'grid_worker' });
    await post(`/api/cases/${caseId}/acknowledge`, gridWorker);
    expect((await post(`/api/cases/${caseId}/resolve`, gridWorker, { notes: '已劝离' })).status).toBe(200);
    const firstResolveBy: string = (await caseOf(caseId)).assignment.resolveBy;
    await eventuallyPasses(async () => expect(await pendingTimers()).toContain(`case-${caseId}:resolution-overdue:${firstResolveBy}`));

    // The first resolve-by time (4 h) passes while the case waits for its reporter: its timer fires and changes nothing.
    app.clock.advance({ hours: 5 });
    await runtime.scheduler.fireDue();
    expect(await pendingTimers()).not.toContain(`case-${caseId}:resolution-overdue:${firstResolveBy}`);

    const reopenedAt = app.clock.now();
    expect((await post(`/api/cases/${caseId}/reopen`, await signIn('resident'), { reason: '车又停回来了' })).status).toBe(200);
    const newResolveBy = new Date(reopenedAt.getTime() + 4 * 3_600_000).toISOString();
    expect((await caseOf(caseId)).assignment).toMatchObject({ resolveBy: newResolveBy, resolutionOverdue: false });
    await eventuallyPasses(async () => expect(await pendingTimers()).toContain(`case-${caseId}:resolution-overdue:${newResolveBy}`));

    app.clock.advance({ hours: 5 });
    await runtime.scheduler.fireDue();
    const reopened = await caseOf(caseId);
    expect(reopened.timeline.map((t: { type: string }) => t.type).slice(-3)).toEqual([
      'CaseReopened',
      'CaseResolutionOverdue',
      'CaseEscalated',
    ]);
    expect(reopened.assignment).toMatchObject({ resolveBy: newResolveBy, resolutionOverdue: true });
    const residentNow = await signIn('resident');
    await eventuallyPasses(async () => {
      const { body: mine } = await get('/api/cases?mine=true', residentNow);
      expect(mine.cases.find((c: { caseId: string }) => c.caseId === caseId)).toMatchObject({
        status: 'Acknowledged',
        resolveBy: newResolveBy,
        overdue: true,
      });
    });
  });
});
