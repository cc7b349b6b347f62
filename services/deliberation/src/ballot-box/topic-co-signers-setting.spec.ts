import { deliberationSettingsSchema } from './ballot-secret';

// 联署 is a city's choice: GONGZHI_TOPIC_COSIGNERS, 0 (no co-signing) unless set.
describe('the co-signers a city asks for', () => {
  it('asks for none unless set, so existing cities propose as before', () => {
    expect(deliberationSettingsSchema.parse({})).toEqual({});
    expect(deliberationSettingsSchema.parse({ GONGZHI_TOPIC_COSIGNERS: '0' })).toEqual({});
  });

  it('takes a whole number of co-signers', () => {
    expect(deliberationSettingsSchema.parse({ GONGZHI_TOPIC_COSIGNERS: '3' })).toEqual({ GONGZHI_TOPIC_COSIGNERS: 3 });
  });

  it.each(['two', '-1', '1.5', '51'])('refuses %s, naming the variable', (value) => {
    const parsed = deliberationSettingsSchema.safeParse({ GONGZHI_TOPIC_COSIGNERS: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['GONGZHI_TOPIC_COSIGNERS'], message: expect.stringMatching(/co-signers/) });
  });
});
