import { caseSight, STRANGER, type CaseFactsForReading, type CaseReader } from './case-visibility';

const untriaged: CaseFactsForReading = { status: 'Reported', anonymous: false, reporterId: 'resident-1', nameVisibleToStaff: false };
const accepted: CaseFactsForReading = { ...untriaged, status: 'Accepted' };
const as = (who: Partial<CaseReader>): CaseReader => ({ ...STRANGER, ...who });

describe('caseSight: what a reader may see of a case', () => {
  describe('when untriaged', () => {
    it.each([
      ['its reporter', as({ reporter: true })],
      ['a follower', as({ follower: true })],
      ['the staff of its patch', as({ staff: true })],
      ['the Open311 client that sent it', as({ sender: true })],
    ])('shows it whole to %s', (_who, reader) => expect(caseSight(untriaged, reader).content).toBe('full'));

    it('gives anyone else only a hint (category and distance)', () => expect(caseSight(untriaged, STRANGER).content).toBe('hint'));

    it('keeps a rejected report as private as an untriaged one', () =>
      expect(caseSight({ ...untriaged, status: 'Rejected' }, STRANGER).content).toBe('hint'));
  });

  describe('when accepted', () => {
    it('shows the case to anyone, without the reporter', () =>
      expect(caseSight(accepted, STRANGER)).toEqual({ content: 'full', reporterId: null }));
  });

  describe("the reporter's id", () => {
    it('is never shown to another resident, not even a follower', () =>
      expect(caseSight(accepted, as({ follower: true })).reporterId).toBeNull());

    it('is shown to the reporter and to the handling staff', () => {
      expect(caseSight(accepted, as({ reporter: true })).reporterId).toBe('resident-1');
      expect(caseSight(accepted, as({ staff: true })).reporterId).toBe('resident-1');
    });

    it('of an anonymous reporter is hidden from the staff unless the reporter allowed it', () => {
      const anonymous = { ...accepted, anonymous: true };
      expect(caseSight(anonymous, as({ staff: true })).reporterId).toBeNull();
      expect(caseSight({ ...anonymous, nameVisibleToStaff: true }, as({ staff: true })).reporterId).toBe('resident-1');
      expect(caseSight({ ...anonymous, nameVisibleToStaff: true }, as({ follower: true, sender: true })).reporterId).toBeNull();
      expect(caseSight(anonymous, as({ reporter: true })).reporterId).toBeNull();
    });
  });
});
