import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPointsSettings } from '@gongzhi/points';
import { freePort, startHostProcess } from '@gongzhi/testing';

// A badge that no report could ever earn is a promise the city cannot keep: the host refuses to start with it.
describe('the host, given a points configuration that can never match the catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-points-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the start, naming the badge and the categories at fault', async () => {
    const { config } = loadPointsSettings({});
    const badges = config.badges.map((badge) =>
      badge.id === 'green-guardian' ? { ...badge, categoryPrefixes: ['city.environment'] } : badge,
    );
    const file = join(dir, 'points.json');
    writeFileSync(file, JSON.stringify({ ...config, badges }));

    const host = await startHostProcess({
      PORT: String(await freePort()),
      GONGZHI_DATA_DIR: join(dir, 'data'),
      GONGZHI_POINTS_CONFIG: file,
    });
    expect(await host.exited).toBe(1);
    expect(host.output()).toMatch(/badge green-guardian \(环保卫士\): no category of the catalogue starts with city\.environment/);
  });
});
