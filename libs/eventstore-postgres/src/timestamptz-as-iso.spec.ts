import { timestamptzAsIso } from './postgres-event-store';

describe('a timestamp read from the event store', () => {
  it('is the ISO instant in UTC with milliseconds, whatever fraction the server wrote', () => {
    expect(timestamptzAsIso('2025-01-06 00:30:00+00')).toBe('2025-01-06T00:30:00.000Z');
    expect(timestamptzAsIso('2025-01-06 00:30:00.1+00')).toBe('2025-01-06T00:30:00.100Z');
    expect(timestamptzAsIso('2025-01-06 00:30:00.123456+00')).toBe('2025-01-06T00:30:00.123Z');
  });

  it('is the same instant when the session is in another time zone', () => {
    expect(timestamptzAsIso('2025-01-06 08:30:00.25+08')).toBe('2025-01-06T00:30:00.250Z');
    expect(timestamptzAsIso('2025-01-06 06:00:00+05:30')).toBe('2025-01-06T00:30:00.000Z');
  });
});
