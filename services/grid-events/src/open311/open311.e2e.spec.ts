import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp, eventuallyPasses } from '@gongzhi/testing';
import { gridEventsService } from '../index';
import { XMLValidator } from 'fast-xml-parser';
import { parseXml, toJson } from '../testing/xml-parse';

// The GeoReport v2 JSON Schemas of open311/schema-validation (schema/georeport-v2), kept as test data.
const schemaDir = join(__dirname, '../../test-data/open311');
const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', extendRefs: 'ignore' });
for (const name of ['request', 'requests', 'service', 'services', 'service-definition']) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, `${name}.json`), 'utf8')), `${name}.json`);
}
const postResponse = { type: 'array', minItems: 1, items: { required: ['service_request_id'], properties: { service_request_id: { type: 'string' } } } };
const errors = { type: 'array', minItems: 1, items: { required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } } };

function valid(schema: string | object, data: unknown): string[] {
  const ok = typeof schema === 'string' ? ajv.validate(schema, data) : ajv.validate(schema, data);
  return ok ? [] : (ajv.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

const LISTS = ['services', 'service_requests', 'attributes', 'values', 'errors', 'endpoints', 'formats'];
/** XML leaves are text: the XML answer must carry the same fields as the JSON one. */
function xmlAsJson(xml: string): unknown {
  expect(XMLValidator.validate(xml)).toBe(true);
  return toJson(parseXml(xml), LISTS);
}

describe('Open311 GeoReport v2 at /open311/v2', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp([gridEventsService]);
  });
  afterAll(() => app?.close());

  const getRaw = async (path: string) => {
    const response = await fetch(`${app.url}/open311/v2/${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const postForm = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(`${app.url}/open311/v2/${path}`, { method: 'POST', body: new URLSearchParams(fields) });
    return { status: response.status, text: await response.text() };
  };
  const report = {
    api_key: 'demo-open311-key',
    service_code: 'environment.garbage.overflow',
    lat: '31.2385',
    long: '121.4778',
    description: '垃圾桶满溢，气味很大',
    'attribute[landmark]': '南京东路 100 号',
    media_url: 'https://example.org/photo.jpg',
  };

  it('serves discovery in JSON and XML', async () => {
    const json = JSON.parse((await getRaw('discovery.json')).text);
    expect(json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    const xml = await getRaw('discovery.xml');
    expect(xml.type).toContain('text/xml');
    expect(xmlAsJson(xml.text)).toMatchObject({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2' }] });
  });

  it('lists the services and defines each, valid in JSON and XML', async () => {
    const services = JSON.parse((await getRaw('services.json')).text);
    expect(valid('services.json', services)).toEqual([]);
    expect(services.map((s: { service_code: string }) => s.service_code)).toContain('city.road.pothole');
    const xmlServices = xmlAsJson((await getRaw('services.xml')).text) as Record<string, unknown>[];
    expect(valid('services.json', xmlServices.map((s) => ({ ...s, metadata: s['metadata'] === 'true' })))).toEqual([]);

    const definition = JSON.parse((await getRaw('services/city.road.pothole.json')).text);
    expect(valid('service-definition.json', definition)).toEqual([]);
    const xmlDefinition = xmlAsJson((await getRaw('services/city.road.pothole.xml')).text) as { attributes: Record<string, unknown>[] };
    expect(xmlDefinition.attributes[0]).toMatchObject({ code: 'landmark', variable: 'true', required: 'false' });
  });

  it('takes a form-encoded request and answers it by id and in lists, valid in JSON and XML', async () => {
    const created = await postForm('requests.json', report);
    expect(created.status).toBe(201);
    const answer = JSON.parse(created.text);
    expect(valid(postResponse, answer)).toEqual([]);
    const id: string = answer[0].service_request_id;

    const one = await eventuallyPasses(async () => {
      // Before triage only the client that sent it reads it, by its own key.
      const response = await getRaw(`requests/${id}.json?api_key=demo-open311-key`);
      expect(response.status).toBe(200);
      return JSON.parse(response.text);
    });
    expect(valid('requests.json', one)).toEqual([]);
    expect(one[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'environment.garbage.overflow', lat: 31.2385 });
    expect(one[0].agency_responsible).toContain('区绿化市容局');
    expect(one[0].expected_datetime).toBe(new Date(Date.parse(one[0].requested_datetime) + 24 * 3_600_000).toISOString());
    expect(one[0].description).toContain('南京东路 100 号');

    const list = JSON.parse((await getRaw('requests.json?status=open&service_code=environment.garbage.overflow&api_key=demo-open311-key')).text);
    expect(valid('requests.json', list)).toEqual([]);
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    expect(JSON.parse((await getRaw('requests.json?status=closed')).text)).toEqual([]);

    const xml = xmlAsJson((await getRaw(`requests/${id}.xml?api_key=demo-open311-key`)).text) as Record<string, string>[];
    expect(xml[0]).toMatchObject({ service_request_id: id, status: 'open' });
    const xmlPosted = xmlAsJson((await postForm('requests.xml', { ...report, address_string: '南京东路街道和谐社区' })).text);
    expect(valid(postResponse, xmlPosted)).toEqual([]);
  });

  it('answers errors as a list of {code, description}: 400, 403 and 404, in JSON and XML', async () => {
    const noLocation = await postForm('requests.json', { api_key: 'demo-open311-key', service_code: 'city.road.pothole' });
    expect(noLocation.status).toBe(400);
    expect(valid(errors, JSON.parse(noLocation.text))).toEqual([]);
    expect(JSON.parse(noLocation.text)[0].description).toContain('location');

    const badKey = await postForm('requests.json', { ...report, api_key: 'stolen' });
    expect(badKey.status).toBe(403);
    expect(JSON.parse(badKey.text)).toEqual([{ code: 403, description: 'api_key is not valid' }]);

    const unknown = await getRaw('services/city.ufo.landing.xml');
    expect(unknown.status).toBe(404);
    expect(xmlAsJson(unknown.text)).toEqual([{ code: '404', description: expect.stringContaining('city.ufo.landing') }]);

    expect((await getRaw('requests.json?start_date=yesterday')).status).toBe(400);
    expect((await postForm('requests.json', { ...report, lat: '39.9', long: '116.4' })).status).toBe(400);
  });
});
