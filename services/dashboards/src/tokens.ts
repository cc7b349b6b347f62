/** The module's DashboardProjections: projectors, read database, clock and live changes. */
export const DASHBOARD_PROJECTIONS = Symbol('DASHBOARD_PROJECTIONS');

/** The dashboards' settings (dashboards.settings.ts): what the city publishes. */
export const DASHBOARDS_SETTINGS = Symbol('DASHBOARDS_SETTINGS');
