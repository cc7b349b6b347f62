import { deciderSpec } from '@gongzhi/testing';
import { resourceDecider, type ListResource } from './resource.decider';

const spec = deciderSpec(resourceDecider, { actor: { id: 'officer-chen', kind: 'user' }, listerIsOfficer: true });
const room: ListResource = {
  type: 'ListResource',
  data: {
    resourceId: 'r-room',
    communityId: 'community-hexie',
    kind: 'space',
    title: '党群服务中心二楼活动室',
    description: '30 人，带投影',
    category: 'space.activity-room',
    tags: ['Reading', 'elderly', 'reading'],
    offeredByKind: 'community',
    offeredByName: '和谐社区居委会',
    opensAt: '08:00',
    closesAt: '21:00',
  },
};

const withData = (change: Partial<ListResource['data']>): ListResource => ({ ...room, data: { ...room.data, ...change } });

describe('resource decider (资源清单)', () => {
  it('lists a space with its opening hours, tags normalised', () => {
    spec
      .given([])
      .when(room)
      .then([{ type: 'ResourceListed', data: { ...room.data, tags: ['reading', 'elderly'], listedBy: 'officer-chen' } }]);
  });

  it('lists a company’s offer and a resident’s skill without opening hours', () => {
    const skill = withData({
      resourceId: 'r-skill',
      kind: 'skill',
      title: '理发',
      category: 'service.haircut',
      tags: [],
      offeredByKind: 'resident',
      offeredByName: '王秀英',
      opensAt: null,
      closesAt: null,
    });
    spec
      .given([])
      .when(skill, { actor: { id: 'resident-wang', kind: 'user' }, listerIsOfficer: false })
      .then([{ type: 'ResourceListed', data: { ...skill.data, listedBy: 'resident-wang' } }]);
  });

  it('refuses a resident listing anything but a skill of their own, naming the kind', () => {
    const resident = { actor: { id: 'resident-wang', kind: 'user' as const }, listerIsOfficer: false };
    spec.given([]).when(room, resident).thenThrows('RESOURCE.FORBIDDEN', { field: 'kind' });
    for (const kind of ['goods', 'service'] as const) {
      spec
        .given([])
        .when(withData({ kind, opensAt: null, closesAt: null }), resident)
        .thenThrows('RESOURCE.FORBIDDEN', { field: 'kind' });
    }
  });

  it('refuses a space without opening hours, hours on anything else, and a second listing', () => {
    spec
      .given([])
      .when(withData({ opensAt: null }))
      .thenThrows('RESOURCE.OPENING_HOURS_REQUIRED');
    spec
      .given([])
      .when(withData({ opensAt: '21:00', closesAt: '08:00' }))
      .thenThrows('RESOURCE.OPENING_HOURS_REQUIRED');
    spec
      .given([])
      .when(withData({ kind: 'goods' }))
      .thenThrows('RESOURCE.NOT_A_SPACE');
    spec
      .given([{ type: 'ResourceListed', data: { ...room.data, listedBy: 'officer-chen' } }])
      .when(room)
      .thenThrows('RESOURCE.ALREADY_LISTED');
  });
});
