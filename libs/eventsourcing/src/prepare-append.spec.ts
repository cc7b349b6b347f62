import { InvalidEventError } from './errors';
import { prepareAppend } from './prepare-append';

const fieldOf = (data: unknown): string | undefined => {
  try {
    prepareAppend('case-1', [{ type: 'CaseReported', data }]);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as InvalidEventError).details.field as string;
  }
};

describe('an append’s data', () => {
  it('names the exact place of a value JSON cannot carry, however deep', () => {
    expect(fieldOf({ photos: [{ id: 'a' }, { id: 'b', takenAt: new Date(0) }] })).toBe('events[0].data.photos[1].takenAt');
    expect(fieldOf({ score: Number.POSITIVE_INFINITY })).toBe('events[0].data.score');
    expect(fieldOf([1, 2, [3, undefined]])).toBe('events[0].data[2][1]');
  });

  it('refuses a value that contains itself, and accepts the same object twice side by side', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = { again: loop };
    expect(fieldOf({ loop })).toBe('events[0].data.loop.self.again');

    const place = { lat: 31.2, long: 121.5 };
    expect(fieldOf({ from: place, to: place, stops: [place, place] })).toBeUndefined();
  });

  it('passes an absent optional field, as JSON drops it', () => {
    const [event] = prepareAppend('case-1', [{ type: 'CaseReported', data: { note: undefined, text: 'x' } }]);
    expect(event.dataJson).toBe('{"text":"x"}');
  });
});
