import { createRequire } from 'node:module';
import { weakEtag } from './weak-etag';

// Express's own generator of weak ETags (its default `etag` setting), which weakEtag stands in for.
const expressWeakEtag = createRequire(require.resolve('express'))('./lib/utils').wetag as (
  body: Buffer | string,
  encoding?: string,
) => string;

describe('weakEtag', () => {
  const bodies: Array<Buffer | string> = [
    '',
    Buffer.alloc(0),
    '{"status":"ok"}',
    Buffer.from('{"status":"ok"}'),
    JSON.stringify({ title: '小区增设充电桩', description: '电动车在楼道充电有火灾隐患' }),
    'x'.repeat(70_000),
    Buffer.from([0, 255, 1, 254, 2, 253]),
  ];

  it('gives every answer the tag Express gives it', () => {
    for (const body of bodies) expect(weakEtag(body, typeof body === 'string' ? 'utf8' : undefined)).toBe(expressWeakEtag(body, 'utf8'));
  });

  it('tells different bodies apart', () => {
    expect(weakEtag('{"points":10}')).not.toBe(weakEtag('{"points":11}'));
  });
});
