import { randomUUID } from 'node:crypto';
import type { Principal, PrincipalScope, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from '../../index';

// Issue #15, "moderation can be seen": a topic's comments are read with the topic, a page at a time; a hidden
// comment is a placeholder to the public and whole, with the reports against it, to the topic's moderators.

const nanjingdong = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong' };
const hexie = { ...nanjingdong, communityId: 'community-hexie' };

describe("a topic's comments and their moderation, over HTTP", () => {
  let app: TestApp;
  let officer: string;
  const api = '/api/deliberation';

  const tokenOf = (role: Role, scope: PrincipalScope, verification: Principal['verification'] = 'verified') =>
    app.tokenAs({ subject: `${role}-${randomUUID()}`, roles: [role], scope, verification });
  const post = (path: string, token: string, body: unknown) => app.request('POST', path, { token, body });
  const comments = (topicId: string, token: string, query = '') =>
    app.request('GET', `${api}/topics/${topicId}/comments${query}`, { token });

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    officer = await app.tokenFor('community_officer');
  });
  afterAll(() => app?.close());

  async function topicInDiscussion(proposer: string): Promise<string> {
    const { topicId } = (await post(`${api}/topics`, proposer, { title: '小区停车', description: '车位不够' })).body;
    for (const [stage, body] of [
      ['screening', { outcome: 'accepted' }],
      ['consultation', {}],
      ['discussion', {}],
    ] as const) {
      expect((await post(`${api}/topics/${topicId}/${stage}`, officer, body)).status).toBe(200);
    }
    return topicId;
  }

  it('hides a comment after three verified reports: a placeholder to residents, the whole comment and its reports to moderators', async () => {
    const author = await tokenOf('resident', { ...hexie, gridId: 'grid-hexie-01' });
    const topicId = await topicInDiscussion(author);
    const spam = (await post(`${api}/topics/${topicId}/comments`, author, { text: '加微信买车位' })).body.commentId;
    const kept = (await post(`${api}/topics/${topicId}/comments`, author, { text: '建议错峰停车' })).body.commentId;

    // Fresh (unverified) accounts and residents of another community cannot hide it, however many they are.
    for (const attacker of [
      await tokenOf('resident', hexie, 'unverified'),
      await tokenOf('resident', hexie, 'unverified'),
      await tokenOf('resident', { ...nanjingdong, communityId: 'community-xingfu' }),
    ]) {
      expect(await post(`${api}/comments/${spam}/reports`, attacker, { reason: 'spam' })).toMatchObject({
        status: 403,
        body: { code: 'COMMENT.FORBIDDEN' },
      });
    }
    const reporter = await tokenOf('resident', hexie);
    expect((await post(`${api}/comments/${spam}/reports`, reporter, { reason: 'spam' })).status).toBe(201);
    expect(await post(`${api}/comments/${spam}/reports`, reporter, { reason: 'spam' })).toMatchObject({
      status: 422,
      body: { code: 'COMMENT.ALREADY_REPORTED' },
    });
    for (let i = 0; i < 2; i += 1)
      expect((await post(`${api}/comments/${spam}/reports`, await tokenOf('resident', hexie), { reason: 'offensive' })).status).toBe(201);

    await eventuallyPasses(async () => {
      const seen = await comments(topicId, author);
      expect(seen.body.items.find((c: { commentId: string }) => c.commentId === spam)).toMatchObject({ status: 'Hidden' });
    });
    const publicPage = (await comments(topicId, await tokenOf('resident', hexie))).body;
    expect(publicPage).toMatchObject({ moderator: false, total: 2 });
    expect(publicPage.items).toEqual([
      { commentId: spam, parentCommentId: null, postedAt: expect.any(String), status: 'Hidden', authorId: null, text: null },
      {
        commentId: kept,
        parentCommentId: null,
        postedAt: expect.any(String),
        status: 'Visible',
        authorId: expect.any(String),
        text: '建议错峰停车',
      },
    ]);
    // An officer of another community of the same street moderates nothing here: the placeholder.
    const elsewhere = (await comments(topicId, await tokenOf('community_officer', { ...nanjingdong, communityId: 'community-xingfu' })))
      .body;
    expect(elsewhere.moderator).toBe(false);
    expect(elsewhere.items[0]).toMatchObject({ status: 'Hidden', text: null });
    expect(
      await post(
        `${api}/comments/${spam}/review`,
        await tokenOf('community_officer', { ...nanjingdong, communityId: 'community-xingfu' }),
        { outcome: 'restored', reason: '误报' },
      ),
    ).toMatchObject({
      status: 403,
    });

    for (const moderator of [officer, await tokenOf('street_officer', nanjingdong)]) {
      const page = (await comments(topicId, moderator)).body;
      expect(page.moderator).toBe(true);
      expect(page.items[0]).toMatchObject({ commentId: spam, status: 'Hidden', text: '加微信买车位', review: null });
      expect(page.items[0].reports).toHaveLength(3);
      expect(page.items[0].reports[0]).toEqual({ reporterId: expect.any(String), reason: 'spam', at: expect.any(String) });
    }

    expect((await post(`${api}/comments/${spam}/review`, officer, { outcome: 'removed', reason: '广告信息' })).status).toBe(200);
    await eventuallyPasses(async () => {
      const page = (await comments(topicId, officer)).body;
      expect(page.items[0]).toMatchObject({ status: 'Removed', review: { outcome: 'removed', reason: '广告信息' } });
    });
    expect((await comments(topicId, author)).body.items[0]).toMatchObject({ status: 'Removed', text: null });
  });

  it('pages through the comments oldest first, and names the field at fault for a bad page', async () => {
    const author = await tokenOf('resident', { ...hexie, gridId: 'grid-hexie-01' });
    const topicId = await topicInDiscussion(author);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await post(`${api}/topics/${topicId}/comments`, author, { text: `第${i + 1}条` })).body.commentId);
      app.clock.advance({ minutes: 1 });
    }
    await eventuallyPasses(async () => expect((await comments(topicId, author)).body.total).toBe(5));
    const second = (await comments(topicId, author, '?limit=2&offset=2')).body;
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.items.map((c: { commentId: string }) => c.commentId)).toEqual(ids.slice(2, 4));
    expect(await comments(topicId, author, '?limit=0')).toMatchObject({ status: 400, body: { errors: [{ path: 'limit' }] } });
    expect(await comments('no-such-topic', author)).toMatchObject({ status: 404, body: { code: 'TOPIC.NOT_FOUND' } });
  });
});
