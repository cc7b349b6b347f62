/** The module's DashboardProjections: projectors, read database, clock and live changes. */
export const DASHBOARD_PROJECTIONS = Symbol('DASHBOARD_PROJECTIONS');
