import { randomUUID } from 'node:crypto';
import { startWebHarness, type WebHarness } from './testing/web-harness';

const PHONE_390 = { width: 390, height: 844 } as const;

/** 联署 as a resident sees it, where the city asks for one co-signer: the waiting topic, the button, the thanks. */
describe('co-signing a topic, in Chromium against the real host', () => {
  let web: WebHarness;
  let topicId: string;
  let asProposer: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-co-signing', env: { GONGZHI_TOPIC_COSIGNERS: '1' } });
    const officer = await web.apiAs('demo-community-officer');
    // A verified neighbour with no level yet proposes: the topic waits for a co-signer.
    const username = `cosign-${randomUUID().slice(0, 8)}`;
    const password = 'a-long-enough-password';
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, displayName: '王阿姨', communityId: 'community-hexie', gridId: 'grid-hexie-01' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await officer.post(`/api/auth/accounts/${registered.id}/verify`, {});
    const login = await fetch(`${web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);
    asProposer = (method, path, body) =>
      fetch(`${web.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const proposed = await asProposer('POST', '/api/deliberation/topics', {
      title: `楼下晾衣架${randomUUID().slice(0, 4)}`,
      description: '想装一排',
    });
    expect(proposed.status).toBe(201);
    topicId = proposed.body.topicId as string;
  }, 180_000);
  afterAll(() => web?.close());

  it('shows a neighbour the co-signers the topic waits for, and sends it to screening once they co-sign', async () => {
    // The proposer's own signature is refused by the server, whatever a page would offer.
    const own = await asProposer('POST', `/api/deliberation/topics/${topicId}/co-signatures`);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'TOPIC.OWN_TOPIC' });

    const page = await web.signedIn('demo-resident', `/resident/topics/${topicId}`, { viewport: PHONE_390 });
    await page.getByRole('heading', { name: '等待 1 位居民联署' }).waitFor();
    await page.getByText('提议人本人不能联署，每人只能联署一次。', { exact: false }).waitFor();
    await web.expectAccessible(page, 'resident: a topic waiting for co-signers (phone)');
    await web.shot(page, 'co-signing-waiting');

    await page.getByRole('button', { name: '我来联署' }).click();
    await page.getByText('你已联署这个议题，谢谢。').waitFor();
    expect(await page.getByRole('button', { name: '我来联署' }).count()).toBe(0);
    const api = await web.apiAs('demo-resident');
    expect(await api.get(`/api/deliberation/topics/${topicId}`)).toMatchObject({
      status: 'Proposed',
      coSignerIds: [api.principal.subject],
    });

    // Reopened, the page has it from the server: nothing left to co-sign.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: /位居民联署/ }).count()).toBe(0);
    await web.expectAccessible(page, 'resident: a co-signed topic');
    await page.close();
  });
});
