import { z } from 'zod';
import { stringify } from 'yaml';
import { exampleOf } from './asyncapi-examples';
import { deadLetterSchema } from './dead-letter';
import { eventEnvelopeSchema } from './envelope';
import type { AnyEventContract, ContractRegistry } from './registry';
import { deadLetterTopic, SERVICE_NAMES, TOPICS, type ServiceName } from './topics';

/** Version of the document; bump it with every contract change (minor: added, major: removed). */
export const ASYNCAPI_DOCUMENT_VERSION = '1.2.0';

export type AsyncApiDocument = Record<string, unknown>;

const channelIds: Record<ServiceName, string> = {
  'grid-events': 'gridEvents',
  'department-dispatch': 'departmentDispatch',
  deliberation: 'deliberation',
  points: 'points',
  'co-building': 'coBuilding',
};

const serviceDescriptions: Record<ServiceName, string> = {
  'grid-events': 'Cases and their closed loop (发现-上报-分派-处置-反馈-评价). Key: case-<caseId>.',
  'department-dispatch': 'Department assignments and the whistle (吹哨报到). Key: e.g. whistle-<whistleId>.',
  deliberation: 'The resident council (议事厅): topics, consultation, discussion, secret-ballot votes. Key: topic-<topicId>.',
  points: 'Points, rewards, levels, badges and the time bank (积分 · 时间银行). Key: e.g. points-<residentId>.',
  'co-building':
    'Co-building (共建): community partner projects and the community fund, the three lists (resources, needs, projects) with bookable spaces, community organisations and their grades. Key: e.g. project-<projectId>, space-<resourceId>-<day>.',
};

const HOW_TO_CONSUME = `Every service publishes its public events to one Kafka topic.

- Key: the stream id of the event's aggregate (case-<id>, whistle-<id>, topic-<id>, points-<residentId> …).
  Events of one stream are in order on one partition; there is no order across streams.
- Value: the event envelope as JSON; \`data\` is described per event type and schema version.
- Delivery is at least once: deduplicate on \`eventId\` in the same transaction as your effect.
- Skip event types you do not know: new types are added without a new topic.
- Old schema versions stay in the history and come back on replays; \`@gongzhi/contracts\` upcasts them
  to the latest version, and their messages are listed here as superseded.
- A message that fails its contract goes to the topic's \`.dlq\` with the reason; it never blocks the
  partition and is never dropped silently.
- Every record is also a CloudEvent (Kafka protocol binding, binary mode): \`ce_id\` is the eventId,
  \`ce_type\` is \`gongzhi.<type>.v<schemaVersion>\`, \`ce_source\` the publishing service
  (\`/gongzhi/<service>\`), \`ce_subject\` the stream id, \`ce_time\` when it occurred; the CloudEvent's data
  is the envelope in the value. Any CloudEvents SDK can read the records without Gongzhi's libraries.
- Each message below has an example; \`examples/analytics-consumer/\` reads a topic in Python and validates
  every record against the schemas of this document.`;

const ref = ($ref: string) => ({ $ref });

const messageId = (contract: AnyEventContract, latestVersion: number | undefined) =>
  contract.version === latestVersion ? contract.type : `${contract.type}V${contract.version}`;

/** The AsyncAPI 3.0 document of every topic, message and dead-letter topic of `registry`. */
export function buildAsyncApiDocument(registry: Pick<ContractRegistry, 'contracts' | 'latestVersion'>): AsyncApiDocument {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const service of SERVICE_NAMES) {
    const channelId = channelIds[service];
    const deadLetterChannelId = `${channelId}DeadLetters`;
    const topic = TOPICS[service];
    const contracts = registry.contracts().filter((contract) => contract.service === service);
    const channelMessages: Record<string, unknown> = {};

    for (const contract of contracts) {
      const latestVersion = registry.latestVersion(contract.type);
      const id = messageId(contract, latestVersion);
      messages[id] = eventMessage(contract, latestVersion);
      channelMessages[id] = ref(`#/components/messages/${id}`);
    }

    channels[channelId] = {
      address: topic,
      title: `${service} events`,
      description: serviceDescriptions[service],
      messages: channelMessages,
    };
    channels[deadLetterChannelId] = {
      address: deadLetterTopic(topic),
      title: `${service} dead letters`,
      description: `Messages of ${topic} that a consumer could not process, with the reason. Key: the original key.`,
      messages: { DeadLetter: ref('#/components/messages/DeadLetter') },
    };
    operations[`publish${capitalise(channelId)}`] = {
      action: 'send',
      channel: ref(`#/channels/${channelId}`),
      title: `${service} publishes its events`,
      summary: `The ${service} service relays every public event it stores to ${topic}, keyed by stream id.`,
      messages: Object.keys(channelMessages).map((id) => ref(`#/channels/${channelId}/messages/${id}`)),
    };
    operations[`deadLetter${capitalise(channelId)}`] = {
      action: 'send',
      channel: ref(`#/channels/${deadLetterChannelId}`),
      title: `Consumers dead-letter ${service} messages`,
      summary: `Any consumer of ${topic} sends a message it cannot process here, then moves on.`,
      messages: [ref(`#/channels/${deadLetterChannelId}/messages/DeadLetter`)],
    };
  }

  messages['DeadLetter'] = {
    name: 'DeadLetter',
    title: 'Dead letter',
    summary: 'A message a consumer could not process: the original key, value and headers, and why.',
    contentType: 'application/json',
    payload: toJsonSchema(deadLetterSchema),
    bindings: { kafka: { key: { type: 'string', description: 'The original message key (stream id).' }, bindingVersion: '0.5.0' } },
  };

  return withExamples({
    asyncapi: '3.0.0',
    info: {
      title: 'Gongzhi public events',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description: HOW_TO_CONSUME,
      tags: SERVICE_NAMES.map((service) => ({ name: service, description: serviceDescriptions[service] })),
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: 'kafka.gongzhi.internal:9093',
        protocol: 'kafka-secure',
        description:
          "The city's brokers: TLS, and SASL/SCRAM-SHA-512 with a user per consuming system, allowed to read the topics it was granted (ACLs by consumer group prefix). Ask the platform's operators for the address and an account.",
        security: [ref('#/components/securitySchemes/scramSha512')],
      },
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The single broker of a development machine (`npm run kafka -- start`): plaintext, no authentication.',
      },
    },
    channels,
    operations,
    components: {
      securitySchemes: {
        scramSha512: {
          type: 'scramSha512',
          description: 'SASL/SCRAM-SHA-512 over TLS: one user per consuming system; read access per topic and consumer group prefix.',
        },
      },
      schemas: {
        EventEnvelope: toJsonSchema(eventEnvelopeSchema),
        EventHeaders: eventHeaders,
      },
      messages,
      messageTraits: {
        PublicEvent: {
          contentType: 'application/json',
          headers: ref('#/components/schemas/EventHeaders'),
          correlationId: {
            description: 'Shared by every message caused by one original request.',
            location: '$message.header#/correlation-id',
          },
          bindings: {
            kafka: {
              key: { type: 'string', description: "The stream id of the event's aggregate; it keeps each stream in order." },
              bindingVersion: '0.5.0',
            },
          },
        },
      },
    },
  });
}

/** The document as YAML, stable from run to run so that the committed file diffs cleanly. */
export function renderAsyncApiYaml(document: AsyncApiDocument): string {
  return (
    '# Generated from libs/contracts/src by `node tools/run-ts.mjs libs/contracts/src/write-asyncapi.ts`. Do not edit.\n' +
    stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })
  );
}

function eventMessage(contract: AnyEventContract, latestVersion: number | undefined) {
  const superseded = contract.version !== latestVersion;
  return {
    name: contract.type,
    title: `${contract.type} v${contract.version}`,
    summary: contract.summary,
    ...(superseded && {
      description: `Superseded by v${latestVersion}, but still in the history: replays deliver it. @gongzhi/contracts upcasts it to v${latestVersion}.`,
    }),
    tags: [{ name: contract.service }],
    traits: [ref('#/components/messageTraits/PublicEvent')],
    payload: {
      ...(superseded && { deprecated: true }),
      allOf: [
        ref('#/components/schemas/EventEnvelope'),
        {
          type: 'object',
          required: ['type', 'schemaVersion', 'data'],
          properties: {
            type: { const: contract.type },
            schemaVersion: { const: contract.version },
            data: toJsonSchema(contract.schema),
          },
        },
      ],
    },
  };
}

const eventHeaders = {
  type: 'object',
  description:
    'Copies of envelope fields, so tools can route and trace without parsing the value, and the CloudEvents 1.0 attributes of the Kafka binding (binary mode).',
  required: [
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
  ],
  properties: {
    'event-id': { type: 'string', description: 'eventId' },
    'event-type': { type: 'string', description: 'type' },
    'schema-version': { type: 'string', pattern: '^[1-9][0-9]*$', description: 'schemaVersion, as a decimal string' },
    'stream-id': { type: 'string', description: 'streamId, also the key' },
    'correlation-id': { type: 'string', description: 'correlationId' },
    'causation-id': { type: 'string', description: 'causationId; absent when nothing caused the event' },
    'content-type': { type: 'string', const: 'application/json', description: "The CloudEvent's datacontenttype" },
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'eventId' },
    ce_source: { type: 'string', pattern: '^/gongzhi/', description: 'The publishing service, e.g. /gongzhi/grid-events' },
    ce_type: { type: 'string', pattern: '^gongzhi\\.[A-Za-z]+\\.v[1-9][0-9]*$', description: 'gongzhi.<type>.v<schemaVersion>' },
    ce_time: { type: 'string', format: 'date-time', description: 'occurredAt' },
    ce_subject: { type: 'string', description: 'streamId' },
  },
};

/** The headers a record of `envelope` carries, as the relay writes them (libs/messaging wire-format). */
function headersOf(envelope: Record<string, any>, service: string): Record<string, string> {
  return {
    'event-id': envelope.eventId,
    'event-type': envelope.type,
    'schema-version': String(envelope.schemaVersion),
    'stream-id': envelope.streamId,
    'correlation-id': envelope.correlationId,
    'content-type': 'application/json',
    ce_specversion: '1.0',
    ce_id: envelope.eventId,
    ce_source: `/gongzhi/${service}`,
    ce_type: `gongzhi.${envelope.type}.v${envelope.schemaVersion}`,
    ce_time: envelope.occurredAt,
    ce_subject: envelope.streamId,
  };
}

/** One example per event message: an envelope drawn from the message's schema and the headers it travels with. */
function withExamples(document: AsyncApiDocument): AsyncApiDocument {
  const components = document.components as { messages: Record<string, Record<string, any>> };
  for (const message of Object.values(components.messages)) {
    if (!message.traits) continue;
    const payload = exampleOf(message.payload, document) as Record<string, any>;
    const service = message.tags[0].name as string;
    message.examples = [
      {
        name: `${message.name}Example`,
        summary: `A ${message.name} event (illustrative values)`,
        headers: headersOf(payload, service),
        payload,
      },
    ];
  }
  return document;
}

/**
 * Input-side JSON Schema (draft-07, as AsyncAPI schemas are): objects stay open to added fields, as
 * consumers must accept them. Zod's long date-time regex is dropped; `format: date-time` says it.
 */
function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return withoutDateTimePatterns(json) as Record<string, unknown>;
}

function withoutDateTimePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDateTimePatterns);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([name]) => !(name === 'pattern' && (node as { format?: unknown }).format === 'date-time'));
  return Object.fromEntries(entries.map(([name, value]) => [name, withoutDateTimePatterns(value)]));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
