import { ConfigurationError } from './configuration-error';
import { edgeConfigSchema } from './edge-config';
import { loadConfig } from './load-config';

describe('the demo city settings', () => {
  it('keeps the small shipped city and 90 days of history unless asked otherwise', () => {
    expect(loadConfig(edgeConfigSchema, {}).demoCity).toEqual({ communities: null, historyDays: 90, lifeRate: 0 });
  });

  it('reads a district, a number of communities, or no history', () => {
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_SCALE: 'District' }).demoCity.communities).toBe(40);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_SCALE: '12' }).demoCity.communities).toBe(12);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_SCALE: 'small' }).demoCity.communities).toBeNull();
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_HISTORY_DAYS: '0' }).demoCity.historyDays).toBe(0);
    expect(loadConfig(edgeConfigSchema, { GONGZHI_DEMO_LIFE_RATE: '2' }).demoCity.lifeRate).toBe(2);
  });

  it('names each bad value and what it expects, before anything opens', () => {
    expect.assertions(2);
    try {
      loadConfig(edgeConfigSchema, { GONGZHI_DEMO_SCALE: 'city', GONGZHI_DEMO_HISTORY_DAYS: '-3', GONGZHI_DEMO_LIFE_RATE: '1000' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems).toEqual([
        expect.stringContaining('GONGZHI_DEMO_SCALE: expected small, district or a number of communities between 1 and 400'),
        expect.stringContaining('GONGZHI_DEMO_HISTORY_DAYS: expected an integer between 0 and 365'),
        expect.stringContaining('GONGZHI_DEMO_LIFE_RATE: expected an integer between 0 and 60'),
      ]);
    }
  });
});
