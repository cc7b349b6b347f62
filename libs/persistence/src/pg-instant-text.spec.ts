import { pgTimestampToIso } from './pg-instant-text';

describe('a timestamp as PostgreSQL writes it, read as the ISO instant entities use', () => {
  it.each([
    ['2026-12-04 08:00:00+00', '2026-12-04T08:00:00.000Z'],
    ['2026-12-04 16:00:00.123456+08', '2026-12-04T08:00:00.123Z'],
    ['2026-12-04 03:30:00-04:30', '2026-12-04T08:00:00.000Z'],
    ['2026-12-04 08:00:00.5', '2026-12-04T08:00:00.500Z'],
    ['2026-12-05 00:00:00+08', '2026-12-04T16:00:00.000Z'],
  ])('%s is %s', (written, iso) => {
    expect(pgTimestampToIso(written)).toBe(iso);
  });

  it('gives back what is no instant (infinity) as written rather than a wrong one', () => {
    expect(pgTimestampToIso('infinity')).toBe('infinity');
  });
});
