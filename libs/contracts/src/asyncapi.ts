import { z } from 'zod';
import { stringify } from 'yaml';
import { deadLetterSchema } from './dead-letter';
import { eventEnvelopeSchema } from './envelope';
import type { AnyEventContract, ContractRegistry } from './registry';
import { deadLetterTopic, SERVICE_NAMES, TOPICS, type ServiceName } from './topics';

/** Version of the document; bump it with every contract change (minor: added, major: removed). */
export const ASYNCAPI_DOCUMENT_VERSION = '1.1.0';

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
  partition and is never dropped silently.`;

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

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Gongzhi public events',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description: HOW_TO_CONSUME,
      tags: SERVICE_NAMES.map((service) => ({ name: service, description: serviceDescriptions[service] })),
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      schemas: {
        EventEnvelope: toJsonSchema(eventEnvelopeSchema),
        EventHeaders: eventHeaders,
      },
      messages,
      messageTraits: {
        PublicEvent: {
          contentType: 'application/json',
          headers: ref('#/components/schemas/EventHeaders'),
          correlationId: { description: 'Shared by every message caused by one original request.', location: '$message.header#/correlation-id' },
          bindings: {
            kafka: {
              key: { type: 'string', description: "The stream id of the event's aggregate; it keeps each stream in order." },
              bindingVersion: '0.5.0',
            },
          },
        },
      },
    },
  };
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
  description: 'Copies of envelope fields, so tools can route and trace without parsing the value.',
  required: ['event-id', 'event-type', 'schema-version', 'stream-id', 'correlation-id'],
  properties: {
    'event-id': { type: 'string', description: 'eventId' },
    'event-type': { type: 'string', description: 'type' },
    'schema-version': { type: 'string', pattern: '^[1-9][0-9]*$', description: 'schemaVersion, as a decimal string' },
    'stream-id': { type: 'string', description: 'streamId, also the key' },
    'correlation-id': { type: 'string', description: 'correlationId' },
    'causation-id': { type: 'string', description: 'causationId; absent when nothing caused the event' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

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
