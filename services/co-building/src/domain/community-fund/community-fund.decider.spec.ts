import { deciderSpec } from '@gongzhi/testing';
import { communityFundDecider, type CommunityFundEvent, type SpendFromFund } from './community-fund.decider';

const officer = { actor: { id: 'officer-chen', kind: 'user' as const }, officerOfCommunityId: 'community-hexie' };
const resident = { actor: { id: 'resident-wang', kind: 'user' as const }, officerOfCommunityId: undefined };
// The fund has received 18 000 fen (180 yuan) from the projects' income.
const spec = deciderSpec(communityFundDecider, { incomeFen: 18_000, ...officer });

const spend = (spendingId: string, amountFen: number, councilTopicId: string | null = null): SpendFromFund => ({
  type: 'SpendFromFund',
  data: { spendingId, communityId: 'community-hexie', amountFen, purpose: '楼道灯更换', councilTopicId },
});
const spent = (spendingId: string, amountFen: number, councilTopicId: string | null = null): CommunityFundEvent => ({
  type: 'CommunityFundSpent',
  data: { spendingId, communityId: 'community-hexie', amountFen, purpose: '楼道灯更换', councilTopicId, spentBy: 'officer-chen' },
});

describe('community fund decider (社区基金 spendings)', () => {
  it('records a spending by an officer of the community, with its purpose and the council topic that approved it', () => {
    const state = spec
      .given([])
      .when(spend('s-1', 12_000, 'topic-7'))
      .then([spent('s-1', 12_000, 'topic-7')]);
    expect(state.spentFen).toBe(12_000);
  });

  it('spends up to the balance: the income less what was spent before', () => {
    spec
      .given([spent('s-1', 12_000)])
      .when(spend('s-2', 6_000))
      .then([spent('s-2', 6_000)]);
    spec
      .given([spent('s-1', 12_000)])
      .when(spend('s-2', 6_001))
      .thenThrows('FUND.INSUFFICIENT_BALANCE', { field: 'amountFen', balanceFen: 6_000, amountFen: 6_001 });
    spec.given([]).when(spend('s-1', 1), { incomeFen: 0 }).thenThrows('FUND.INSUFFICIENT_BALANCE', { field: 'amountFen', balanceFen: 0 });
  });

  it('refuses amounts that are not a whole number of fen above zero, naming the field', () => {
    spec.given([]).when(spend('s-1', 0)).thenThrows('FUND.INVALID_AMOUNT', { field: 'amountFen' });
    spec.given([]).when(spend('s-1', -500)).thenThrows('FUND.INVALID_AMOUNT', { field: 'amountFen' });
    spec.given([]).when(spend('s-1', 10.5)).thenThrows('FUND.INVALID_AMOUNT', { field: 'amountFen' });
  });

  it('needs a purpose', () => {
    spec
      .given([])
      .when({ type: 'SpendFromFund', data: { ...spend('s-1', 100).data, purpose: '  ' } })
      .thenThrows('FUND.PURPOSE_REQUIRED', { field: 'purpose' });
  });

  it('is refused to residents and to officers of another community', () => {
    spec.given([]).when(spend('s-1', 100), resident).thenThrows('FUND.FORBIDDEN', { rule: 'community_officer' });
    spec
      .given([])
      .when(spend('s-1', 100), { ...officer, officerOfCommunityId: 'community-other' })
      .thenThrows('FUND.FORBIDDEN');
  });

  it('records a spending once', () => {
    spec
      .given([spent('s-1', 100)])
      .when(spend('s-1', 100))
      .thenThrows('FUND.SPENDING_ALREADY_RECORDED');
  });
});
