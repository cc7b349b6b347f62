import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi';
import { publicEvents } from './catalogue';
import { deadLetterTopic, TOPICS } from './topics';

const ERROR = 0; // Spectral's DiagnosticSeverity.Error
const committedFile = resolve(__dirname, '../asyncapi.yaml');
const fresh = renderAsyncApiYaml(buildAsyncApiDocument(publicEvents));

let document: AsyncAPIDocumentInterface;
beforeAll(async () => {
  const parsed = await new Parser().parse(fresh);
  document = parsed.document!;
});

const channelOf = (topic: string) => {
  const channel = document
    .channels()
    .all()
    .find((c) => c.address() === topic);
  if (!channel) throw new Error(`no channel for ${topic}`);
  return channel;
};

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3.0.0', async () => {
    const diagnostics = await new Parser().validate(fresh);
    const errors = diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document.version()).toBe('3.0.0');
  });

  it('is the committed asyncapi.yaml, so a contract change cannot ship without it', () => {
    const committed = readFileSync(committedFile, 'utf8');
    if (committed !== fresh) {
      throw new Error('libs/contracts/asyncapi.yaml is stale: run `node tools/run-ts.mjs libs/contracts/src/write-asyncapi.ts`');
    }
  });

  it("lists every contract, each version, as a message on its service's topic with its data schema", () => {
    for (const contract of publicEvents.contracts()) {
      const messages = channelOf(TOPICS[contract.service]).messages().all();
      const message = messages.find((m) => {
        const own = m.payload()?.allOf()?.[1]?.properties();
        return m.name() === contract.type && own?.['schemaVersion']?.const() === contract.version;
      });
      expect({ contract: `${contract.type} v${contract.version}`, found: Boolean(message) }).toEqual({
        contract: `${contract.type} v${contract.version}`,
        found: true,
      });
      const data = message!.payload()!.allOf()![1].properties()!['data'];
      expect(Object.keys(data.properties() ?? {}).sort()).toEqual(Object.keys(contract.schema.shape).sort());
    }
  });

  it('keys every event message by stream id and gives it the event headers', () => {
    for (const topic of Object.values(TOPICS)) {
      for (const message of channelOf(topic).messages().all()) {
        expect(message.bindings().get('kafka')?.value()).toMatchObject({ key: { type: 'string' } });
        expect(message.headers()?.required()).toEqual([
          'event-id',
          'event-type',
          'schema-version',
          'stream-id',
          'correlation-id',
          'ce_specversion',
          'ce_id',
          'ce_source',
          'ce_type',
          'ce_time',
          'ce_subject',
        ]);
        expect(Object.keys(message.headers()?.properties() ?? {})).toContain('causation-id');
      }
    }
  });

  it('gives every topic a dead-letter topic carrying the original message and the reason', () => {
    for (const topic of Object.values(TOPICS)) {
      const [deadLetter] = channelOf(deadLetterTopic(topic)).messages().all();
      expect(deadLetter.payload()?.required()).toEqual(expect.arrayContaining(['value', 'headers', 'reason', 'originalTopic']));
    }
  });

  it('names the servers an integrator connects to, with their security', () => {
    expect(
      document
        .servers()
        .all()
        .map((server) => [server.id(), server.protocol()]),
    ).toEqual([
      ['production', 'kafka-secure'],
      ['local', 'kafka'],
    ]);
    expect(document.servers().get('production')?.security()[0]?.all()[0]?.scheme().type()).toBe('scramSha512');
  });

  it('gives every event message an example that its own schemas accept, headers included', () => {
    const raw = buildAsyncApiDocument(publicEvents) as any;
    const ajv = new Ajv({ allErrors: true });
    ajv.addSchema(raw, 'asyncapi');
    const eventMessages = Object.entries<any>(raw.components.messages).filter(([, message]) => message.traits);
    expect(eventMessages.length).toBe(publicEvents.contracts().length);
    const problems = eventMessages.flatMap(([id, message]) => {
      const [example] = message.examples ?? [];
      if (!example) return [`${id}: no example`];
      const payloadOk = ajv.validate({ $ref: `asyncapi#/components/messages/${id}/payload` }, example.payload);
      const payloadErrors = payloadOk ? [] : [`${id} payload: ${ajv.errorsText()}`];
      const headersOk = ajv.validate({ $ref: 'asyncapi#/components/schemas/EventHeaders' }, example.headers);
      return [...payloadErrors, ...(headersOk ? [] : [`${id} headers: ${ajv.errorsText()}`])];
    });
    expect(problems).toEqual([]);
  });
});
