import { matchResources } from './matching';

const need = { communityId: 'community-hexie', category: 'service.meals', tags: ['elderly', 'meals'] };
const resource = (resourceId: string, category: string, tags: string[], communityId = 'community-hexie') => ({
  resourceId,
  communityId,
  category,
  tags,
});

describe('matching resources to a need', () => {
  it('scores category, shared tags and community, best first, with the reasons', () => {
    const matches = matchResources(need, [
      resource('r-canteen', 'service.meals', ['elderly'], 'community-xingfu'),
      resource('r-kitchen', 'space.kitchen', ['meals', 'elderly']),
      resource('r-room', 'space.activity-room', ['reading']),
      resource('r-meals', 'service.meals', ['meals']),
    ]);
    expect(matches.map((m) => [m.resource.resourceId, m.score])).toEqual([
      ['r-meals', 6],
      ['r-canteen', 4],
      ['r-kitchen', 4],
    ]);
    expect(matches[0].reasons).toEqual(['same category: service.meals', 'shared tags: meals', 'in the same community: community-hexie']);
  });
});
