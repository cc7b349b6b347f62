import { deciderSpec } from '@gongzhi/testing';
import { needDecider, type PostNeed } from './need.decider';

const spec = deciderSpec(needDecider, { actor: { id: 'resident-wang', kind: 'user' } });
const need: PostNeed = {
  type: 'PostNeed',
  needId: 'n-1',
  communityId: 'community-hexie',
  title: '老人午餐',
  description: '独居老人中午吃饭难',
  category: 'service.meals',
  tags: ['Elderly', 'meals'],
};

describe('need decider (需求清单)', () => {
  it('posts a need, tags normalised', () => {
    const { type: _type, ...data } = need;
    spec.given([]).when(need).then([{ type: 'NeedPosted', data: { ...data, tags: ['elderly', 'meals'], postedBy: 'resident-wang' } }]);
  });

  it('is not posted twice', () => {
    const { type: _type, ...data } = need;
    spec.given([{ type: 'NeedPosted', data: { ...data, postedBy: 'resident-wang' } }]).when(need).thenThrows('NEED.ALREADY_POSTED');
  });
});
