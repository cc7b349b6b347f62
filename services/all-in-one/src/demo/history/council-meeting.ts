import type { DemoClient } from './demo-client';
import type { SeededRandom } from './seeded-random';

const MEETINGS = '/api/deliberation/meetings';
const OFFICER = 'demo-community-officer';
const GRID_WORKER = 'demo-grid-worker';
const SUPERVISOR = 'demo-supervisor';

/**
 * A topic's 红茶议事会 while it is discussed: scheduled by the community, moderated by the grid worker, attended in
 * person, online and with a grid worker's help, one decision per agenda item, an agreement the community, a
 * residents' representative and the property company sign, its notice commitment kept, minutes, ended.
 */
export async function holdCouncilMeeting(
  client: DemoClient,
  random: SeededRandom,
  topic: { topicId: string; title: string },
  residents: readonly string[],
): Promise<void> {
  const scheduled = await client.call(OFFICER, 'POST', MEETINGS, {
    topicId: topic.topicId,
    title: `红茶议事会：${topic.title}`,
    scheduledAt: client.now().toISOString(),
    agenda: [topic.title, '谁来监督落实'],
    moderatorId: client.subjectOf(GRID_WORKER),
  });
  if (scheduled.status !== 201) return;
  const meeting = `${MEETINGS}/${scheduled.data.meetingId}`;
  await client.call(GRID_WORKER, 'POST', `${meeting}/start`);

  const attendance = `/api/deliberation/topics/${topic.topicId}/attendance`;
  const present = residents.filter(() => random.chance(0.5));
  for (const [participation, people] of [
    ['in_person', present.slice(0, Math.ceil(present.length / 2))],
    ['online', present.slice(Math.ceil(present.length / 2), -1)],
    ['assisted', present.slice(-1)],
  ] as const)
    if (people.length > 0)
      await client.call(OFFICER, 'POST', attendance, {
        residentIds: people.map((username) => client.subjectOf(username)),
        participation,
      });

  const inFavour = Math.max(1, present.length - 2);
  for (const [agendaItemId, text] of [
    ['item-1', '原则同意，按方案推进'],
    ['item-2', '由居民代表和物业共同监督'],
  ])
    await client.call(GRID_WORKER, 'POST', `${meeting}/decisions`, {
      agendaItemId,
      text,
      figures: { inFavour, against: random.integer(0, 2), abstaining: random.integer(0, 2) },
    });

  const representative = random.pick(residents);
  const dueAt = (days: number) => new Date(client.now().getTime() + days * 86_400_000).toISOString();
  const drafted = await client.call(OFFICER, 'POST', `${meeting}/agreement`, {
    title: `${topic.title}实施协议`,
    terms: '物业负责实施，居委会公示，居民代表监督',
    parties: [
      { partyId: 'community', kind: 'community', name: '和谐社区居委会', signatoryId: client.subjectOf(OFFICER) },
      { partyId: 'residents', kind: 'residents_representative', name: '居民代表', signatoryId: client.subjectOf(representative) },
      { partyId: 'property', kind: 'property_company', name: '物业公司', signatoryId: client.subjectOf(SUPERVISOR) },
    ],
    commitments: [
      { commitmentId: 'notice', partyId: 'community', description: '张贴公示', dueAt: dueAt(3) },
      { commitmentId: 'carry-out', partyId: 'property', description: '按方案实施', dueAt: dueAt(random.integer(5, 20)) },
    ],
  });
  if (drafted.status === 201) {
    for (const signatory of [OFFICER, representative, SUPERVISOR]) await client.call(signatory, 'POST', `${meeting}/agreement/signatures`);
    await client.call(OFFICER, 'POST', `${meeting}/agreement/commitments/notice/completion`, { note: '已在公告栏张贴' });
  }
  await client.call(GRID_WORKER, 'POST', `${meeting}/minutes`, { minutes: `到会 ${present.length} 人，议定推进方案和监督办法` });
  await client.call(GRID_WORKER, 'POST', `${meeting}/end`);
}

/** The signed slip's photo, uploaded ahead of the visit: the council learns of it from the photo's event. */
export async function photographSlip(client: DemoClient, random: SeededRandom): Promise<string | undefined> {
  return (await client.photo(GRID_WORKER, random))[0];
}

/** 入户走访: a grid worker records the ballot of a resident who cannot use the app, on a signed slip they photograph. */
export async function recordAssistedBallot(
  client: DemoClient,
  random: SeededRandom,
  topicId: string,
  resident: string,
  slipPhotoId: string,
): Promise<void> {
  await client.call(GRID_WORKER, 'PUT', `/api/deliberation/topics/${topicId}/assisted-ballots`, {
    residentId: client.subjectOf(resident),
    optionId: random.pick(['yes', 'yes', 'no']),
    consent: { method: 'signed_slip', slipPhotoId },
  });
}
