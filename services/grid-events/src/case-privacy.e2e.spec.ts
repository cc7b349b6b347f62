import { randomUUID } from 'node:crypto';
import { PROTOTYPE_NAMES } from '@gongzhi/contracts';
import { startTestApp, type TestApp, eventuallyPasses } from '@gongzhi/testing';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { reportedCaseAnswer } from './commands/report-case/report-case.response';
import { gridEventsService } from './index';
import { duplicatesAnswer } from './queries/cases/cases.response';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const nextDoor = { lat: 31.23855, long: 121.47785 };
const SENDER_KEY = 'demo-open311-key';
const OTHER_KEY = `other-${randomUUID()}`;

/** A phone photo as it leaves the camera: EXIF with the maker and the GPS position of the person taking it. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 1860/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 4008/100' },
    })
    .toBuffer();
}

/** JPEG's first bytes, then a script: what a sniffing browser could run if it were served as it came. */
const FAKE_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('<html><script>alert(document.cookie)</script></html>'),
]);

// fast-xml-parser's validator checks the structure, not XML 1.0's character range; both are checked here.
const NOT_IN_XML_1_0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
function expectWellFormedXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(NOT_IN_XML_1_0.test(xml)).toBe(false);
}

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

describe('an untriaged report is not public, in every read path (and keys from outside are never object properties)', () => {
  let app: TestApp;
  let reporter: string;
  let neighbour: string;
  let gridWorker: string;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService], {
      env: { GONGZHI_OPEN311_API_KEYS: `${SENDER_KEY}=demo client,${OTHER_KEY}=other client` },
    });
    reporter = await app.tokenFor('resident');
    gridWorker = await app.tokenFor('grid_worker');
    const username = `neighbour-${randomUUID().slice(0, 8)}`;
    const registered = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'a-long-enough-password', displayName: '邻居', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    expect(registered.status).toBe(201);
    neighbour = await app.login(username, 'a-long-enough-password');
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string, token?: string) => app.request('GET', path, { token });
  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const raw = (path: string, token?: string) => fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const postForm = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(`${app.url}/open311/v2/${path}`, { method: 'POST', body: new URLSearchParams(fields) });
    return { status: response.status, text: await response.text() };
  };
  async function uploadPhoto(bytes: Buffer, token: string, name = 'photo.jpg') {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
    const response = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }
  const open311Ids = async (path: string) => {
    const response = await raw(`/open311/v2/${path}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
  };

  describe("a resident's report with a phone photo, before triage", () => {
    const description = `楼道里堆满纸箱，挡住消防通道 ${randomUUID()}`;
    let caseId: string;
    let photoId: string;

    beforeAll(async () => {
      const original = await jpegWithGps();
      expect((await sharp(original).metadata()).exif?.includes(Buffer.from('PhoneCo'))).toBe(true);
      const uploaded = await uploadPhoto(original, reporter);
      expect(uploaded).toMatchObject({ status: 201, body: { contentType: 'image/jpeg' } });
      photoId = uploaded.body.photoId;
      const reported = await post('/api/cases', reporter, {
        categoryCode: 'safety.fire-lane.blocked',
        description,
        location: inHexie01,
        photoIds: [photoId],
      });
      expect(reported.status).toBe(201);
      caseId = reported.body.caseId;
      // The grid's worker sees it in the hints once the case list has it: from then on every path can find it.
      await eventuallyPasses(async () => {
        const { body } = await get(
          `/api/cases/duplicates?categoryCode=safety.fire-lane.blocked&lat=${nextDoor.lat}&long=${nextDoor.long}`,
          gridWorker,
        );
        expect(body.duplicates.map((d: { caseId?: string }) => d.caseId)).toContain(caseId);
      });
    });

    it('comes back from upload without its EXIF: no GPS position, no camera maker', async () => {
      const response = await raw(`/api/photos/${photoId}`, reporter);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
      expect(metadata.exif).toBeUndefined();
      expect(bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
    });

    it('is served as an image only: nosniff, a closed content security policy, inline with a file name', async () => {
      const response = await raw(`/api/photos/${photoId}`, reporter);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="${photoId}.jpg"`);
    });

    it('is whole for its reporter and the grid worker, who alone see the reporter', async () => {
      const mine = await get(`/api/cases/${caseId}`, reporter);
      expect(mine.body).toMatchObject({
        description,
        location: inHexie01,
        photoIds: [photoId],
        reportedByYou: true,
        reporterId: subjectOf(reporter),
      });
      const staff = await get(`/api/cases/${caseId}`, gridWorker);
      expect(staff.body).toMatchObject({ description, reportedByYou: false, reporterId: subjectOf(reporter) });
      expect((await raw(`/api/photos/${photoId}`, gridWorker)).status).toBe(200);
    });

    it('shows another resident nothing: the case API, the case list, the photo, following it', async () => {
      const read = await get(`/api/cases/${caseId}`, neighbour);
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain(description);
      const list = await get('/api/cases', neighbour);
      expect(list.status).toBe(200);
      expect(list.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
      expect((await raw(`/api/photos/${photoId}`, neighbour)).status).toBe(404);
      expect((await post(`/api/cases/${caseId}/follow`, neighbour)).status).toBe(403);
      expect((await get(`/api/cases/${caseId}`, neighbour)).status).toBe(403);
    });

    it('gives another resident a duplicate hint of category and distance only, asked or when reporting', async () => {
      const asked = await get(
        `/api/cases/duplicates?categoryCode=safety.fire-lane.blocked&lat=${nextDoor.lat}&long=${nextDoor.long}`,
        neighbour,
      );
      expect(asked.status).toBe(200);
      expect(asked.body.duplicates).toEqual([{ categoryCode: 'safety.fire-lane.blocked', distanceMetres: expect.any(Number) }]);
      duplicatesAnswer.parse(asked.body);

      const reported = await post('/api/cases', neighbour, {
        categoryCode: 'safety.fire-lane.blocked',
        description: '消防通道被堵',
        location: nextDoor,
      });
      expect(reported.status).toBe(201);
      reportedCaseAnswer.parse(reported.body);
      expect(reported.body.possibleDuplicates).toContainEqual({
        categoryCode: 'safety.fire-lane.blocked',
        distanceMetres: expect.any(Number),
      });
      expect(JSON.stringify(reported.body)).not.toContain(caseId);
      expect(JSON.stringify(reported.body)).not.toContain(description);
    });

    it('shows an unauthenticated Open311 reader nothing: list, by id, XML, the photo', async () => {
      expect(await open311Ids('requests.json')).not.toContain(caseId);
      expect(await open311Ids(`requests.json?service_request_id=${caseId}`)).toEqual([]);
      const byId = await raw(`/open311/v2/requests/${caseId}.json`);
      expect(byId.status).toBe(404);
      const xml = await (await raw('/open311/v2/requests.xml')).text();
      expectWellFormedXml(xml);
      expect(xml).not.toContain(description);
      expect((await raw(`/api/photos/${photoId}`)).status).toBe(404);
    });

    it('becomes public once the grid accepts it, still without the reporter for other residents', async () => {
      expect((await post(`/api/cases/${caseId}/accept`, gridWorker)).status).toBe(200);
      const read = await get(`/api/cases/${caseId}`, neighbour);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ description, reporterId: null, reportedByYou: false });
      await eventuallyPasses(async () => expect(await open311Ids(`requests.json?service_request_id=${caseId}`)).toEqual([caseId]));
      expect((await raw(`/api/photos/${photoId}`)).status).toBe(200);
      const followed = await post(`/api/cases/${caseId}/follow`, neighbour);
      expect(followed.status).toBe(200);
      // A follower reads the case and its list, never who reported it.
      const list = await get('/api/cases', neighbour);
      const item = list.body.cases.find((c: { caseId: string }) => c.caseId === caseId);
      expect(item).toMatchObject({ caseId, reporterId: null });
    });
  });

  describe('an anonymous report', () => {
    it('shows the handling staff the name only when the reporter allowed it, and never another resident', async () => {
      const hidden = await post('/api/cases', reporter, {
        categoryCode: 'city.road.pothole',
        description: '匿名：路面塌陷',
        location: inHexie01,
        anonymous: true,
      });
      const shown = await post('/api/cases', reporter, {
        categoryCode: 'city.road.pothole',
        description: '匿名但允许网格员联系我',
        location: inHexie01,
        anonymous: true,
        nameVisibleToStaff: true,
      });
      expect([hidden.status, shown.status]).toEqual([201, 201]);
      expect((await get(`/api/cases/${hidden.body.caseId}`, gridWorker)).body.reporterId).toBeNull();
      expect((await get(`/api/cases/${shown.body.caseId}`, gridWorker)).body.reporterId).toBe(subjectOf(reporter));
      expect((await get(`/api/cases/${shown.body.caseId}`, reporter)).body).toMatchObject({
        reportedByYou: true,
        anonymous: true,
        reporterId: null,
      });
      await eventuallyPasses(async () => {
        const { body } = await get('/api/cases?status=Reported', gridWorker);
        const byId = new Map(body.cases.map((c: { caseId: string; reporterId: string | null }) => [c.caseId, c.reporterId]));
        expect([byId.get(hidden.body.caseId), byId.get(shown.body.caseId)]).toEqual([null, subjectOf(reporter)]);
      });
      expect((await post(`/api/cases/${shown.body.caseId}/accept`, gridWorker)).status).toBe(200);
      expect((await get(`/api/cases/${shown.body.caseId}`, neighbour)).body).toMatchObject({ anonymous: true, reporterId: null });
    });
  });

  describe('an Open311 request before triage', () => {
    let requestId: string;
    const description = `井盖缺失 ${randomUUID()}`;

    beforeAll(async () => {
      const created = await postForm('requests.json', {
        api_key: SENDER_KEY,
        service_code: 'city.road.pothole',
        lat: '31.2385',
        long: '121.4778',
        description,
      });
      expect(created.status).toBe(201);
      requestId = JSON.parse(created.text)[0].service_request_id;
    });

    it('is read by the client that sent it, with its own api_key, by id and in lists, JSON and XML', async () => {
      const mine = await eventuallyPasses(async () => {
        const response = await raw(`/open311/v2/requests/${requestId}.json?api_key=${SENDER_KEY}`);
        expect(response.status).toBe(200);
        return (await response.json()) as { description: string }[];
      });
      expect(mine[0].description).toContain(description);
      expect(await open311Ids(`requests.json?api_key=${SENDER_KEY}`)).toContain(requestId);
      const xml = await (await raw(`/open311/v2/requests/${requestId}.xml?api_key=${SENDER_KEY}`)).text();
      expectWellFormedXml(xml);
      expect(xml).toContain(description);
    });

    it('is not read without a key, with a different client’s key, or by another resident', async () => {
      await eventuallyPasses(async () =>
        expect((await raw(`/open311/v2/requests/${requestId}.json?api_key=${SENDER_KEY}`)).status).toBe(200),
      );
      expect((await raw(`/open311/v2/requests/${requestId}.json`)).status).toBe(404);
      expect((await raw(`/open311/v2/requests/${requestId}.json?api_key=${OTHER_KEY}`)).status).toBe(404);
      expect(await open311Ids(`requests.json?api_key=${OTHER_KEY}`)).not.toContain(requestId);
      expect(await open311Ids('requests.json')).not.toContain(requestId);
      expect((await get(`/api/cases/${requestId}`, neighbour)).status).toBe(403);
    });

    it.each(PROTOTYPE_NAMES)('refuses api_key=%s to post and to read', async (name) => {
      const posted = await postForm('requests.json', {
        api_key: name,
        service_code: 'city.road.pothole',
        lat: '31.2385',
        long: '121.4778',
      });
      expect(posted.status).toBe(403);
      expect(JSON.parse(posted.text)).toEqual([{ code: 403, description: 'api_key is not valid' }]);
      expect((await raw(`/open311/v2/requests.json?api_key=${encodeURIComponent(name)}`)).status).toBe(403);
      expect((await raw(`/open311/v2/requests/${requestId}.json?api_key=${encodeURIComponent(name)}`)).status).toBe(403);
    });

    it.each(PROTOTYPE_NAMES)('takes attribute[%s] as a plain attribute, never as the request’s prototype', async (name) => {
      const posted = await postForm('requests.json', {
        api_key: SENDER_KEY,
        service_code: 'city.road.pothole',
        lat: '31.2385',
        long: '121.4778',
        [`attribute[${name}]`]: 'x',
      });
      expect(posted.status).toBe(201);
    });
  });

  describe('names every object inherits, in every grid-events path', () => {
    it.each(PROTOTYPE_NAMES)('finds no case, photo, category or request named %s', async (name) => {
      const id = encodeURIComponent(name);
      expect((await get(`/api/cases/${id}`, gridWorker)).status).toBe(404);
      expect((await post(`/api/cases/${id}/follow`, neighbour)).status).toBe(404);
      expect((await post(`/api/cases/${id}/accept`, gridWorker)).status).toBe(404);
      expect((await raw(`/api/photos/${id}`, reporter)).status).toBe(404);
      expect((await get(`/api/cases/duplicates?categoryCode=${id}&lat=${inHexie01.lat}&long=${inHexie01.long}`, reporter)).status).toBe(
        400,
      );
      expect((await post('/api/cases', reporter, { categoryCode: name, description: '试探', location: inHexie01 })).status).toBe(400);
      expect((await raw(`/open311/v2/services/${id}.json`)).status).toBe(404);
      expect((await raw(`/open311/v2/requests/${id}.json`)).status).toBe(404);
      expect((await raw(`/open311/v2/${id}.json`)).status).toBe(404);
      const posted = await postForm('requests.json', { api_key: SENDER_KEY, service_code: name, lat: '31.2385', long: '121.4778' });
      expect(posted.status).toBe(404);
    });
  });

  describe('photos that are not what they say', () => {
    it('refuses a file whose first bytes say JPEG but which does not decode, naming the field', async () => {
      const fake = await uploadPhoto(FAKE_JPEG, reporter, 'cat.jpg');
      expect(fake.status).toBe(415);
      expect(fake.body).toMatchObject({ code: 'PHOTO.UNSUPPORTED_TYPE', errors: [expect.objectContaining({ path: 'photo' })] });
    });

    it('shows a photo no case names yet to its uploader only', async () => {
      const uploaded = await uploadPhoto(await jpegWithGps(), reporter);
      expect((await raw(`/api/photos/${uploaded.body.photoId}`, reporter)).status).toBe(200);
      expect((await raw(`/api/photos/${uploaded.body.photoId}`, neighbour)).status).toBe(404);
      expect((await raw(`/api/photos/${uploaded.body.photoId}`)).status).toBe(404);
    });
  });

  describe('text XML cannot carry', () => {
    it('is refused at intake, naming the field: Open311 and the app', async () => {
      const open311 = await postForm('requests.json', {
        api_key: SENDER_KEY,
        service_code: 'city.road.pothole',
        lat: '31.2385',
        long: '121.4778',
        description: 'bell\u0007',
      });
      expect(open311.status).toBe(400);
      expect(JSON.parse(open311.text)[0].description).toContain('description');
      const app311 = await post('/api/cases', reporter, {
        categoryCode: 'city.road.pothole',
        description: 'form feed\u000c here',
        location: inHexie01,
      });
      expect(app311.status).toBe(400);
      expect(JSON.stringify(app311.body)).toContain('description');
      const address = await post('/api/cases', reporter, {
        categoryCode: 'city.road.pothole',
        description: 'ok',
        address: '南京东路\u0000100号',
      });
      expect(address.status).toBe(400);
      expect(JSON.stringify(address.body)).toContain('address');
    });

    it('never reaches an XML answer: every list is well-formed', async () => {
      for (const path of [
        'requests.xml',
        `requests.xml?api_key=${SENDER_KEY}`,
        'services.xml',
        'discovery.xml',
        'services/city.road.pothole.xml',
      ]) {
        const response = await raw(`/open311/v2/${path}`);
        expect(response.status).toBe(200);
        expectWellFormedXml(await response.text());
      }
    });
  });
});
