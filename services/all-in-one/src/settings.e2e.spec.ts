import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startHostProcess } from '@gongzhi/testing';

// `npm start` with a variable mistyped in two services and one of the platform's: one start says all three, opens nothing.
describe('the host, started with bad variables in several services', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-host-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits naming every one of them, before it has created its data folder', async () => {
    const dataDir = join(dir, 'data');
    const host = await startHostProcess({
      PORT: String(await freePort()),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: 'seventy',
      GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES: '-5',
      GONGZHI_METRICS: 'everywhere',
    });

    expect(await host.exited).toBe(1);
    expect(host.output()).toContain('GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT: expected an integer between 0 and 100, got "seventy"');
    expect(host.output()).toContain('GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES: expected a positive number, got "-5"');
    expect(host.output()).toContain('GONGZHI_METRICS: expected one of off, public, internal, got "everywhere"');
    expect(existsSync(dataDir)).toBe(false);
  });
});
