/**
 * Hours from a whistle check-in to a department's task deadline when neither the whistle nor the department
 * registry names any: two days, the median of the demo city's departments (12 to 72 hours), so a department
 * left without a figure is held to what its peers commit to.
 */
export const DEFAULT_TASK_WITHIN_HOURS = 48;
