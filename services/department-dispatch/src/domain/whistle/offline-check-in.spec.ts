import { judgedCheckInTime } from './offline-check-in';

const blownAt = '2026-11-26T09:00:00.000Z';

describe('the time a check-in is judged by', () => {
  it('is the arrival without madeAt', () => {
    expect(judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T09:40:00.000Z' })).toBe('2026-11-26T09:40:00.000Z');
  });

  it('is madeAt when it arrived within 10 minutes of being made', () => {
    expect(judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T09:40:00.000Z', madeAt: '2026-11-26T09:30:00.000Z' })).toBe(
      '2026-11-26T09:30:00.000Z',
    );
  });

  it('is 10 minutes before the arrival when madeAt claims more: a device clock cannot earn more than the grace', () => {
    expect(judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T09:40:00.000Z', madeAt: '2026-11-26T09:29:59.999Z' })).toBe(
      '2026-11-26T09:30:00.000Z',
    );
    expect(judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T11:00:00.000Z', madeAt: '2026-11-26T09:01:00.000Z' })).toBe(
      '2026-11-26T10:50:00.000Z',
    );
  });

  it('refuses a madeAt later than the arrival or earlier than the whistle', () => {
    expect(() => judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T09:40:00.000Z', madeAt: '2026-11-26T09:40:00.001Z' })).toThrow(
      expect.objectContaining({ code: 'WHISTLE.CHECK_IN_MADE_IN_FUTURE', details: { field: 'madeAt' } }),
    );
    expect(() => judgedCheckInTime({ blownAt, receivedAt: '2026-11-26T09:40:00.000Z', madeAt: '2026-11-26T08:59:59.999Z' })).toThrow(
      expect.objectContaining({ code: 'WHISTLE.CHECK_IN_MADE_BEFORE_WHISTLE', details: { field: 'madeAt' } }),
    );
  });
});
