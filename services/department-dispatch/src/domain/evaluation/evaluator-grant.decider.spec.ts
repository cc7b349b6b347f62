import { deciderSpec } from '@gongzhi/testing';
import { evaluatorGrantDecider, grantCovers, type EvaluatorGrantsState } from './evaluator-grant.decider';
import type { EvaluatorGrantEvent } from './evaluation.events';

const now = new Date('2026-11-26T09:00:00.000Z');
const grant = {
  grantId: 'grant-1',
  evaluatorId: 'evaluator-1',
  communityIds: ['community-hexie', 'community-xingfu'],
  validFrom: '2026-11-01T00:00:00.000Z',
  validUntil: '2027-01-01T00:00:00.000Z',
};
const granted: EvaluatorGrantEvent = { type: 'EvaluatorAccessGranted', data: { ...grant, adminId: 'admin-1' } };
const admin = { actor: { id: 'admin-1', kind: 'user' as const } };
const spec = deciderSpec(evaluatorGrantDecider, { now, isCommunity: (id: string) => id.startsWith('community-') });

describe('evaluator grant decider (第三方评估)', () => {
  describe('when the evaluator holds no grant', () => {
    it('records the communities and the period an admin grants, and who granted them', () => {
      spec.given([]).when({ type: 'GrantEvaluatorAccess', data: grant }, admin).then([granted]);
    });

    it('refuses a community the city does not have, naming the field', () => {
      spec
        .given([])
        .when({ type: 'GrantEvaluatorAccess', data: { ...grant, communityIds: ['community-hexie', 'made-up'] } }, admin)
        .thenThrows('EVALUATOR_GRANT.UNKNOWN_COMMUNITY', { field: 'communityIds' });
    });

    it('refuses a period that ends before it begins, or has ended already', () => {
      spec
        .given([])
        .when({ type: 'GrantEvaluatorAccess', data: { ...grant, validUntil: grant.validFrom } }, admin)
        .thenThrows('EVALUATOR_GRANT.EMPTY_PERIOD', { field: 'validUntil' });
      spec
        .given([])
        .when({ type: 'GrantEvaluatorAccess', data: { ...grant, validUntil: '2026-11-20T00:00:00.000Z' } }, admin)
        .thenThrows('EVALUATOR_GRANT.ALREADY_OVER', { field: 'validUntil' });
    });
  });

  describe('when the evaluator holds a grant', () => {
    it('refuses the same grant twice', () => {
      spec.given([granted]).when({ type: 'GrantEvaluatorAccess', data: grant }, admin).thenThrows('EVALUATOR_GRANT.ALREADY_GRANTED');
    });

    it('adds a later period as a grant of its own', () => {
      const next = {
        ...grant,
        grantId: 'grant-2',
        communityIds: ['community-yanping'],
        validFrom: '2027-01-01T00:00:00.000Z',
        validUntil: '2027-04-01T00:00:00.000Z',
      };
      const state = spec
        .given([granted])
        .when({ type: 'GrantEvaluatorAccess', data: next }, admin)
        .then([{ type: 'EvaluatorAccessGranted', data: { ...next, adminId: 'admin-1' } }]);
      expect(state.grants.map((g) => g.grantId)).toEqual(['grant-1', 'grant-2']);
    });
  });

  describe('grantCovers', () => {
    const state: EvaluatorGrantsState = evaluatorGrantDecider.evolve(evaluatorGrantDecider.initialState(), granted);

    it('lets the evaluator into a granted community during the period', () => {
      expect(grantCovers(state, 'community-hexie', now)).toBe(true);
    });

    it('keeps the evaluator out of another community, before the period and from its end on', () => {
      expect(grantCovers(state, 'community-yanping', now)).toBe(false);
      expect(grantCovers(state, 'community-hexie', new Date('2026-10-31T23:59:59.999Z'))).toBe(false);
      expect(grantCovers(state, 'community-hexie', new Date(grant.validUntil))).toBe(false);
    });
  });
});
