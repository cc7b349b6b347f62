import type { Actor } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import { timeBankDecider, type TimeBankEvent } from './time-bank.decider';

const volunteer: Actor = { id: 'li', kind: 'user', roles: ['resident'] };
const organiser: Actor = { id: 'organiser', kind: 'user', roles: ['resident'] };
const spec = deciderSpec(timeBankDecider, { now: new Date('2026-11-26T09:00:00Z'), actor: volunteer });
const residentId = 'li';
const log = (entryId: string, hours: number, serviceDate = '2026-11-25') => ({
  type: 'LogHours' as const,
  data: {
    residentId,
    entryId,
    serviceDate,
    hours,
    activity: '陪伴高龄老人',
    verifierId: 'organiser',
    communityId: 'community-hexie' as string | null,
  },
});
const logged = (entryId: string, hours: number, serviceDate = '2026-11-25'): TimeBankEvent => ({
  type: 'VolunteerHoursLogged',
  data: log(entryId, hours, serviceDate).data,
});
const deposited = (entryId: string, hours: number): TimeBankEvent => ({
  type: 'VolunteerHoursDeposited',
  data: { residentId, hours, entryId, verifiedBy: 'organiser' },
});

describe('time bank decider', () => {
  describe('when logging', () => {
    it('logs hours for the organiser or recipient to verify', () => {
      spec
        .given([])
        .when(log('e1', 2))
        .then([logged('e1', 2)]);
    });
    it('refuses more than 24 hours for one day', () => {
      spec
        .given([logged('e1', 20)])
        .when(log('e2', 4.5))
        .thenThrows('TIMEBANK.TOO_MANY_HOURS', { field: 'hours' });
    });
    it('refuses the volunteer as their own verifier', () => {
      spec
        .given([])
        .when({ ...log('e1', 1), data: { ...log('e1', 1).data, verifierId: residentId } })
        .thenThrows('TIMEBANK.SELF_VERIFICATION');
    });
    it('refuses a day in the future', () => {
      spec
        .given([])
        .when(log('e1', 1, '2026-11-27'))
        .thenThrows('TIMEBANK.FUTURE_DATE');
    });
  });

  describe('when logged', () => {
    it('deposits hours the named verifier confirms', () => {
      spec
        .given([logged('e1', 2)])
        .when({ type: 'VerifyHours', data: { residentId, entryId: 'e1' } }, { actor: organiser })
        .then([deposited('e1', 2)]);
    });
    it('refuses verification by the volunteer', () => {
      spec
        .given([logged('e1', 2)])
        .when({ type: 'VerifyHours', data: { residentId, entryId: 'e1' } })
        .thenThrows('TIMEBANK.FORBIDDEN');
    });
    it('refuses verification by someone not named', () => {
      spec
        .given([logged('e1', 2)])
        .when({ type: 'VerifyHours', data: { residentId, entryId: 'e1' } }, { actor: { id: 'x', kind: 'user', roles: ['resident'] } })
        .thenThrows('TIMEBANK.FORBIDDEN');
    });
    it('deposits hours an officer whose authority covers the volunteer’s community confirms, and refuses one whose does not', () => {
      const officer: Actor = { id: 'officer', kind: 'user', roles: ['community_officer'] };
      const verify = { type: 'VerifyHours' as const, data: { residentId, entryId: 'e1' } };
      const covers = (communityId: string | null) => communityId === 'community-hexie';
      spec
        .given([logged('e1', 2)])
        .when(verify, { actor: officer, officerCovers: covers })
        .then([{ type: 'VolunteerHoursDeposited', data: { residentId, hours: 2, entryId: 'e1', verifiedBy: 'officer' } }]);
      spec
        .given([logged('e1', 2)])
        .when(verify, { actor: officer, officerCovers: () => false })
        .thenThrows('TIMEBANK.FORBIDDEN');
      spec
        .given([logged('e1', 2)])
        .when(verify, { actor: officer })
        .thenThrows('TIMEBANK.FORBIDDEN');
    });
  });

  describe('when deposited', () => {
    const banked = [logged('e1', 3), deposited('e1', 3)];
    it('spends hours on another volunteer’s service', () => {
      spec
        .given(banked)
        .when({ type: 'SpendHours', data: { residentId, spendingId: 's1', hours: 1.5, providerId: 'wang', serviceDescription: '理发' } })
        .then([{ type: 'HoursSpent', data: { residentId, hours: 1.5, serviceDescription: '理发', spendingId: 's1', providerId: 'wang' } }]);
    });
    it('transfers hours to a known resident, never more than held', () => {
      const transfer = (hours: number) => ({
        type: 'TransferHours' as const,
        data: { residentId, transferId: 't1', toResidentId: 'mother', hours },
      });
      spec
        .given(banked)
        .when(transfer(3), { recipientKnown: true })
        .then([{ type: 'HoursTransferred', data: { fromResidentId: residentId, toResidentId: 'mother', hours: 3, transferId: 't1' } }]);
      spec.given(banked).when(transfer(3.25), { recipientKnown: true }).thenThrows('TIMEBANK.INSUFFICIENT_HOURS');
      spec.given(banked).when(transfer(1), { recipientKnown: false }).thenThrows('TIMEBANK.RECIPIENT_NOT_FOUND', { field: 'toResidentId' });
    });
    it('credits a received transfer once', () => {
      const receive = { type: 'ReceiveHours' as const, data: { residentId, transferId: 't1', fromResidentId: 'son', hours: 2 } };
      const received: TimeBankEvent = { type: 'HoursReceived', data: { residentId, fromResidentId: 'son', hours: 2, transferId: 't1' } };
      spec.given([]).when(receive).then([received]);
      spec.given([received]).when(receive).then([]);
    });
  });
});
