import { deciderSpec } from '@gongzhi/testing';
import { needDecider, type PostNeed } from './need.decider';

const spec = deciderSpec(needDecider, { actor: { id: 'resident-wang', kind: 'user' } });
const need: PostNeed = {
  type: 'PostNeed',
  data: {
    needId: 'n-1',
    communityId: 'community-hexie',
    title: '老人午餐',
    description: '独居老人中午吃饭难',
    category: 'service.meals',
    tags: ['Elderly', 'meals'],
  },
};

describe('need decider (需求清单)', () => {
  it('posts a need, tags normalised', () => {
    spec
      .given([])
      .when(need)
      .then([{ type: 'NeedPosted', data: { ...need.data, tags: ['elderly', 'meals'], postedBy: 'resident-wang' } }]);
  });

  it('is not posted twice', () => {
    spec
      .given([{ type: 'NeedPosted', data: { ...need.data, postedBy: 'resident-wang' } }])
      .when(need)
      .thenThrows('NEED.ALREADY_POSTED');
  });
});
