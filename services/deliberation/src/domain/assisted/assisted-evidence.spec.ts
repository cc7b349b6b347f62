import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import { assertNamedGrid, assertRealVerifiedResident, assertSlipOfAssistant } from './assisted-evidence';

const worker: Caller = {
  subject: 'worker-1',
  roles: ['grid_worker'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const verified = { communityId: 'community-hexie', gridId: 'grid-hexie-01', verified: true };

function refusal(attempt: () => void): { code: string; field: unknown } {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).details.field };
  }
  throw new Error('expected a refusal, nothing was thrown');
}

describe('the evidence of an assisted ballot', () => {
  describe('given the register', () => {
    it('takes a real, verified resident where the register says they live', () =>
      expect(assertRealVerifiedResident('resident-1', verified)).toEqual({
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
        verification: 'verified',
      }));
    it('refuses a made-up resident id', () =>
      expect(refusal(() => assertRealVerifiedResident('made-up', undefined))).toEqual({
        code: 'ASSISTED_RESIDENT.NOT_FOUND',
        field: 'residentId',
      }));
    it('refuses a real resident an officer has not verified', () =>
      expect(refusal(() => assertRealVerifiedResident('resident-2', { ...verified, verified: false }))).toEqual({
        code: 'ASSISTED.RESIDENT_NOT_VERIFIED',
        field: 'residentId',
      }));
    it("refuses a grid the worker names that is not the register's", () => {
      expect(() => assertNamedGrid(undefined, verified)).not.toThrow();
      expect(() => assertNamedGrid('grid-hexie-01', verified)).not.toThrow();
      expect(refusal(() => assertNamedGrid('grid-hexie-02', verified))).toEqual({
        code: 'ASSISTED.GRID_MISMATCH',
        field: 'consent.gridId',
      });
    });
  });

  describe('given the slip photo', () => {
    const mine = { uploadedBy: 'worker-1', slipOfResidentId: null };
    it("takes the worker's own photo, unused or already this resident's slip", () => {
      expect(() => assertSlipOfAssistant('p-1', mine, worker, 'resident-1')).not.toThrow();
      expect(() => assertSlipOfAssistant('p-1', { ...mine, slipOfResidentId: 'resident-1' }, worker, 'resident-1')).not.toThrow();
    });
    it('refuses a photo that does not exist', () =>
      expect(refusal(() => assertSlipOfAssistant('p-9', undefined, worker, 'resident-1'))).toEqual({
        code: 'ASSISTED.SLIP_PHOTO_UNKNOWN',
        field: 'consent.slipPhotoId',
      }));
    it('refuses a photo another worker uploaded', () =>
      expect(refusal(() => assertSlipOfAssistant('p-2', { ...mine, uploadedBy: 'worker-2' }, worker, 'resident-1'))).toEqual({
        code: 'ASSISTED.SLIP_PHOTO_NOT_YOURS',
        field: 'consent.slipPhotoId',
      }));
    it("refuses a photo that is already another resident's slip", () =>
      expect(refusal(() => assertSlipOfAssistant('p-1', { ...mine, slipOfResidentId: 'resident-1' }, worker, 'resident-3'))).toEqual({
        code: 'ASSISTED.SLIP_PHOTO_USED',
        field: 'consent.slipPhotoId',
      }));
  });
});
