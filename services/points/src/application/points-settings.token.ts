export const POINTS_SETTINGS = Symbol('POINTS_SETTINGS');
