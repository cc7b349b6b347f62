import type { Action, City } from './city';
import { chance, pick } from './random';

const TOPICS = [
  ['老楼加装电梯', '3 号楼六层，老人上下楼困难，想商量加装电梯和费用分摊。'],
  ['小区增设充电桩', '电动车在楼道充电有火灾隐患，建议在车棚增设充电桩。'],
  ['楼下空地改成口袋公园', '空地常年堆杂物，想改成有座椅和绿化的小花园。'],
  ['规范广场舞时间和音量', '建议晚上八点半后降低音量，照顾休息的邻居。'],
  ['增加垃圾分类指导员', '早晚投放高峰请志愿者值守，帮助大家分类。'],
] as const;

/** Residents propose topics, the community officer brings them to a vote, residents cast ballots. */
export class DeliberationWork {
  private readonly topics: { topicId: string; stage: 'proposed' | 'voting'; voters: Set<string> }[] = [];

  constructor(private readonly city: City) {}

  readonly actions: readonly Action[] = [
    ['topic', 2, () => this.propose()],
    ['open-voting', 2, () => this.openVoting()],
    ['ballot', 6, () => this.ballot()],
  ];

  private async propose(): Promise<boolean> {
    const [title, description] = pick(TOPICS);
    const { status, data } = await pick(this.city.residents).call('POST', '/api/deliberation/topics', {
      title,
      description,
      anonymous: chance(0.2),
    });
    if (status === 201) this.topics.push({ topicId: data.topicId, stage: 'proposed', voters: new Set() });
    return true;
  }

  private async openVoting(): Promise<boolean> {
    const topic = this.topics.find((t) => t.stage === 'proposed');
    if (!topic) return false;
    const officer = this.city.staff.communityOfficer;
    const base = `/api/deliberation/topics/${topic.topicId}`;
    if ((await officer.call('POST', `${base}/screening`, { outcome: 'accepted' })).status !== 200) return true;
    await officer.call('POST', `${base}/consultation`, { draftPlan: '征求楼组长和物业意见后形成初步方案' });
    await officer.call('POST', `${base}/discussion`, {});
    const { status } = await officer.call('POST', `${base}/voting`, {
      closesAt: new Date(Date.now() + 3.5 * 24 * 3600_000).toISOString(),
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'community', scopeId: 'community-hexie' },
      quorumPercent: 20,
      passThresholdPercent: 50,
    });
    if (status === 200) topic.stage = 'voting';
    else this.topics.splice(this.topics.indexOf(topic), 1);
    return true;
  }

  private async ballot(): Promise<boolean> {
    const topic = pick(this.topics.filter((t) => t.stage === 'voting'));
    if (!topic) return false;
    const voter = this.city.residents.find((r) => !topic.voters.has(r.username));
    if (!voter) return false;
    topic.voters.add(voter.username);
    await voter.call('PUT', `/api/deliberation/topics/${topic.topicId}/ballot`, { optionId: pick(['yes', 'yes', 'yes', 'no', 'abstain']) });
    return true;
  }
}
