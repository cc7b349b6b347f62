import { coBuildingSettingsSchema, EARLY_SIGN_UP_HOURS_VARIABLE } from './co-building-settings';

describe('co-building settings: how early a level with early-sign-up may sign up', () => {
  it('is 24 hours unless the city sets it', () => {
    expect(coBuildingSettingsSchema.parse({}).earlySignUpHours).toBe(24);
    expect(coBuildingSettingsSchema.parse({ [EARLY_SIGN_UP_HOURS_VARIABLE]: '48' }).earlySignUpHours).toBe(48);
  });

  it('refuses a value that is no whole number of hours, naming the variable', () => {
    const parsed = coBuildingSettingsSchema.safeParse({ [EARLY_SIGN_UP_HOURS_VARIABLE]: '-3' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([EARLY_SIGN_UP_HOURS_VARIABLE]);
  });
});
